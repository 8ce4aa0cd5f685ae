package cn.perf.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's faster checks decide exactly as Spring Security's regular expressions do. */
class FirewallTest {

    @Test
    void everyCharacterIsJudgedAsSpringSecuritysExpressionsJudgeIt() {
        List<String> differ = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            for (String s : List.of(String.valueOf((char) c), "rows[3]." + (char) c + "actual")) {
                if (Firewall.NAMES.test(s) != Firewall.ASSIGNED_AND_NOT_CONTROL.matcher(s).matches()
                        || Firewall.HEADER_VALUES.test(s) != Firewall.HEADER_VALUE.matcher(s).matches()) {
                    differ.add(Integer.toHexString(c));
                }
            }
        }
        assertThat(differ).isEmpty();
        for (String s : List.of("", "rows[12].actual", "名称", "\uD83D\uDE00", "\uD83D", "a\tb", "a\u007Fb", "\u0085",
                "\u0378", "Mozilla/5.0 (X11; Linux x86_64)")) {
            assertThat(Firewall.NAMES.test(s)).as(s).isEqualTo(Firewall.ASSIGNED_AND_NOT_CONTROL.matcher(s).matches());
            assertThat(Firewall.HEADER_VALUES.test(s)).as(s).isEqualTo(Firewall.HEADER_VALUE.matcher(s).matches());
        }
        // the fast path answers only printable ASCII (and a tab in header values); everything else is the pattern's
        assertThat(Firewall.NAMES.test("rows[0].actual")).isTrue();
        assertThat(Firewall.NAMES.test("a\tb")).isFalse();
        assertThat(Firewall.HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(Firewall.NAMES.test("a\u0000b")).isFalse();
    }

    @Test
    void theFirewallStillRefusesControlCharactersInParameterNamesAndHeaders() {
        HttpFirewall firewall = new Firewall().httpFirewall();
        MockHttpServletRequest ok = new MockHttpServletRequest("POST", "/evaluations/1/preview");
        ok.addParameter("rows[0].actual", "35个");
        ok.addParameter("说明", "x");
        ok.addHeader("X-Note", "a\tb");
        var checked = firewall.getFirewalledRequest(ok);
        assertThat(Collections.list(checked.getParameterNames())).containsExactlyInAnyOrder("rows[0].actual", "说明");
        assertThat(checked.getHeader("X-Note")).isEqualTo("a\tb");

        MockHttpServletRequest badName = new MockHttpServletRequest("POST", "/evaluations/1/preview");
        badName.addParameter("rows[0]\u0001.actual", "1");
        var bad = firewall.getFirewalledRequest(badName);
        assertThatThrownBy(() -> Collections.list(bad.getParameterNames())).isInstanceOf(RequestRejectedException.class);

        MockHttpServletRequest badHeader = new MockHttpServletRequest("GET", "/");
        badHeader.addHeader("X-Note", "a\u0007b");
        var badH = firewall.getFirewalledRequest(badHeader);
        assertThatThrownBy(() -> badH.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }
}
