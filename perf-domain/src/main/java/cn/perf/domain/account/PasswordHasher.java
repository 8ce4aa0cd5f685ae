package cn.perf.domain.account;

/**
 * Port: hashes a raw password (a delegating encoder, BCrypt today, in perf-web) and checks one against a stored
 * hash. The domain never stores a raw password.
 */
public interface PasswordHasher {

    String hash(CharSequence rawPassword);

    /** Whether {@code rawPassword} is the one {@code storedHash} was made from. */
    default boolean matches(CharSequence rawPassword, String storedHash) {
        throw new UnsupportedOperationException("this PasswordHasher cannot verify passwords");
    }
}
