package cn.perf.web.security;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.LoginAccount;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in from the accounts table; each {@code Role} becomes authority {@code ROLE_<name>}. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountDirectory directory;

    AccountUserDetailsService(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LoginAccount account = directory.findLogin(username)
                .orElseThrow(() -> new UsernameNotFoundException("用户不存在"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList())
                .build();
    }
}
