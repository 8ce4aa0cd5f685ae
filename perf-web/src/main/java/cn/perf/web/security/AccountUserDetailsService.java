package cn.perf.web.security;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.AccountSecurity;
import cn.perf.domain.account.LoginAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in from the accounts table; each {@code Role} becomes authority {@code ROLE_<name>}. A locked
 * account (lockout) is reported locked; an account that must change its password also gets
 * {@link PasswordChangeRequiredFilter#AUTHORITY}, which confines it to the password-change page. Hashes of an older
 * kind are upgraded at sign-in ({@link UserDetailsPasswordService}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountDirectory directory;
    private final AccountSecurity security;
    private final boolean enforcePasswordChange;

    AccountUserDetailsService(AccountDirectory directory, AccountSecurity security, SecurityProperties settings,
                              @Value("${perf.demo-data:false}") boolean demoData) {
        this.directory = directory;
        this.security = security;
        this.enforcePasswordChange = settings.enforcePasswordChange() != null ? settings.enforcePasswordChange()
                : !demoData;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LoginAccount account = directory.findLogin(username)
                .orElseThrow(() -> new UsernameNotFoundException("用户不存在"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        if (enforcePasswordChange && account.mustChangePassword()) {
            authorities.add(new SimpleGrantedAuthority(PasswordChangeRequiredFilter.AUTHORITY));
        }
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(Instant.now()))
                .authorities(authorities)
                .build();
    }

    /** Called at sign-in when the stored hash is of an older kind (plain BCrypt): stores the current kind. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        security.upgradeHash(user.getUsername(), newEncodedPassword);
        return User.withUserDetails(user).password(newEncodedPassword).build();
    }
}
