package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class ShellAccessTest {

    @Test
    void nobodySignedInOpensNothing() {
        assertThat(ShellAccess.of(null)).isEqualTo(ShellAccess.NOBODY);
        assertThat(ShellAccess.of(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isEqualTo(ShellAccess.NOBODY);
        // a token not (or no longer) authenticated: isAuthenticated() is false for it too
        assertThat(ShellAccess.of(new UsernamePasswordAuthenticationToken("filer", "secret"))).isEqualTo(ShellAccess.NOBODY);
    }

    @Test
    void rolesOpenTheirEntries() {
        assertThat(of("ROLE_FILER")).isEqualTo(new ShellAccess(true, true, true, false, false, false, false));
        assertThat(of("ROLE_UNIT_LEADER")).isEqualTo(new ShellAccess(true, true, true, false, false, false, false));
        assertThat(of("ROLE_DEPARTMENT_REVIEWER")).isEqualTo(new ShellAccess(true, true, false, false, false, false, false));
        assertThat(of("ROLE_FINANCE_REVIEWER")).isEqualTo(new ShellAccess(true, true, false, true, false, false, false));
        assertThat(of("ROLE_SYSTEM_ADMIN")).isEqualTo(new ShellAccess(true, false, false, true, true, false, false));
        assertThat(of("ROLE_SECURITY_ADMIN")).isEqualTo(new ShellAccess(true, false, false, false, false, true, false));
        assertThat(of("ROLE_AUDIT_ADMIN")).isEqualTo(new ShellAccess(true, false, false, false, false, false, true));
        assertThat(of("FILER")).as("an authority without ROLE_ is not a role")
                .isEqualTo(new ShellAccess(true, false, false, false, false, false, false));
        assertThat(of("ROLE_FILER", "ROLE_AUDIT_ADMIN"))
                .isEqualTo(new ShellAccess(true, true, true, false, false, false, true));
    }

    private static ShellAccess of(String... authorities) {
        TestingAuthenticationToken who = new TestingAuthenticationToken("someone", "x", authorities);
        who.setAuthenticated(true);
        return ShellAccess.of(who);
    }
}
