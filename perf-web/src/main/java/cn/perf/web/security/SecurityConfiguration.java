package cn.perf.web.security;

import cn.perf.domain.account.PasswordHasher;
import cn.perf.domain.account.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login against BCrypt-hashed accounts in the database; everything but the login page, the static assets
 * ({@code /webjars/**}, {@code /css/**}, {@code /js/**}) and health needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CurrentRoles roles) throws Exception {
        http
                // URL rules (三员分立, DESIGN.md §4) on the roles an account holds now (CurrentRoles: read from the
                // database on each request; a disabled account is refused). First match wins.
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/error")
                        .permitAll()
                        .requestMatchers("/declarations/**", "/evaluations/**", "/todo", "/todo/**")
                        .access(roles.anyOf(Role.FILER, Role.UNIT_LEADER, Role.DEPARTMENT_REVIEWER,
                                Role.FINANCE_REVIEWER))
                        .requestMatchers("/admin/users/**", "/admin/units/**").access(roles.anyOf(Role.SYSTEM_ADMIN))
                        .requestMatchers("/admin/audit/**").access(roles.anyOf(Role.AUDIT_ADMIN))
                        .requestMatchers("/admin/security/**").access(roles.anyOf(Role.SECURITY_ADMIN))
                        .requestMatchers("/admin/deadlines/**")
                        .access(roles.anyOf(Role.FINANCE_REVIEWER, Role.SYSTEM_ADMIN))
                        .requestMatchers("/admin/**").denyAll()
                        .anyRequest().access(roles.signedIn()))
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
                                        + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The domain's port for hashing passwords, backed by BCrypt. */
    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return encoder::encode;
    }
}
