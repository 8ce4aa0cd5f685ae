package cn.perf.domain.account;

import java.util.Optional;

/** Repository port for {@link UserAccount}; implemented by perf-persistence. */
public interface UserAccounts {

    UserAccount save(UserAccount account);

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findById(Long id);

    boolean existsByUsername(String username);

    long count();
}
