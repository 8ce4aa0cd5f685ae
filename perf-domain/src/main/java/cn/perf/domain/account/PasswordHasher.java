package cn.perf.domain.account;

/** Port: hashes a raw password (BCrypt in perf-web). The domain never sees a raw password stored. */
public interface PasswordHasher {

    String hash(CharSequence rawPassword);
}
