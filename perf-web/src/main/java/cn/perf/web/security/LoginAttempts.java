package cn.perf.web.security;

import cn.perf.domain.account.AccountSecurity;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in the database and locks at the configured count (AccountSecurity); a successful sign-in
 * starts the count again. A locked account is refused before its password is checked, so attempts while locked
 * neither count nor reveal whether the password was right.
 */
@Component
class LoginAttempts {

    private final AccountSecurity security;

    LoginAttempts(AccountSecurity security) {
        this.security = security;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        security.signInFailed(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        security.signInSucceeded(event.getAuthentication().getName());
    }
}
