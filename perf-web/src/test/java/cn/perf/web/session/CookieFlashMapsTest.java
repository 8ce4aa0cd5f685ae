package cn.perf.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-time notices in cookies, one cookie per notice ({@link CookieFlashMaps}): what a browser holding several tabs
 * of one session sees. The browser is a cookie jar that applies each response's {@code Set-Cookie} headers.
 */
class CookieFlashMapsTest {

    final CookieFlashMaps flash = new CookieFlashMaps(JsonMapper.builder().build());
    final MockHttpSession session = new MockHttpSession(null, "session-1");
    /** The browser's cookies: name → value. */
    final Map<String, String> jar = new LinkedHashMap<>();

    MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setSession(session);
        if (!jar.isEmpty()) {
            request.setCookies(jar.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue()))
                    .toArray(Cookie[]::new));
        }
        return request;
    }

    void apply(MockHttpServletResponse response) {
        for (String header : response.getHeaders(HttpHeaders.SET_COOKIE)) {
            String pair = header.split(";")[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (header.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
    }

    /** A POST's redirect to {@code target} with notice {@code text}; its response, not yet applied to the jar. */
    MockHttpServletResponse post(MockHttpServletRequest request, String target, String text) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        flash.retrieveAndUpdate(request, response);
        FlashMap notice = new FlashMap();
        notice.put("notice", text);
        notice.setTargetRequestPath(target);
        flash.saveOutputFlashMap(notice, request, response);
        return response;
    }

    /** The page after a redirect: its notice (or null), the response applied to the jar. */
    Object show(String path) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FlashMap shown = flash.retrieveAndUpdate(request("GET", path), response);
        apply(response);
        return shown == null ? null : shown.get("notice");
    }

    @Test
    void twoTabsSavingAtTheSameMomentEachShowTheirOwnNotice() {
        // both posts leave the browser before either answer arrives: neither request carries the other's notice
        MockHttpServletRequest tabA = request("POST", "/declarations/1/edit");
        MockHttpServletRequest tabB = request("POST", "/declarations/2/edit");
        MockHttpServletResponse answerA = post(tabA, "/declarations/1/edit", "已保存 1");
        MockHttpServletResponse answerB = post(tabB, "/declarations/2/edit", "已保存 2");
        apply(answerA);
        apply(answerB);

        assertThat(jar).hasSize(2).allSatisfy((name, value) -> assertThat(name).startsWith("PERF-FLASH-"));
        assertThat(show("/declarations/1/edit")).isEqualTo("已保存 1");
        assertThat(jar).as("only the notice shown is removed").hasSize(1);
        assertThat(show("/declarations/2/edit")).isEqualTo("已保存 2");
        assertThat(jar).isEmpty();
        assertThat(show("/declarations/1/edit")).as("shown once").isNull();
        assertThat(session.getAttributeNames().hasMoreElements()).as("nothing went to the session").isFalse();
    }

    @Test
    void aPostThatCarriesAnotherTabsNoticeLeavesItsCookieAlone() {
        apply(post(request("POST", "/declarations/1/edit"), "/declarations/1/edit", "已保存 1"));
        String first = jar.keySet().iterator().next();
        MockHttpServletResponse answer = post(request("POST", "/declarations/2/edit"), "/declarations/2/edit",
                "已保存 2");

        assertThat(answer.getHeaders(HttpHeaders.SET_COOKIE)).as("neither rewritten nor removed")
                .noneMatch(h -> h.startsWith(first + "="));
        apply(answer);
        assertThat(show("/declarations/2/edit")).isEqualTo("已保存 2");
        assertThat(show("/declarations/1/edit")).isEqualTo("已保存 1");
    }

    @Test
    void noticesBeyondWhatTheCookiesMayHoldWaitInTheSession() {
        for (int i = 1; i <= CookieFlashMaps.MAX_COOKIES + 2; i++) {
            apply(post(request("POST", "/declarations/" + i + "/edit"), "/declarations/" + i + "/edit",
                    "已保存 " + i));
        }
        String long_ = "很长的说明".repeat(400);
        apply(post(request("POST", "/declarations/99/edit"), "/declarations/99/edit", long_));

        assertThat(jar).hasSizeLessThanOrEqualTo(CookieFlashMaps.MAX_COOKIES);
        assertThat(jar.values().stream().mapToInt(String::length).sum())
                .isLessThanOrEqualTo(CookieFlashMaps.MAX_COOKIE_CHARS);
        for (int i = CookieFlashMaps.MAX_COOKIES + 2; i >= 1; i--) {
            assertThat(show("/declarations/" + i + "/edit")).isEqualTo("已保存 " + i);
        }
        assertThat(show("/declarations/99/edit")).isEqualTo(long_);
        assertThat(jar).isEmpty();
    }

    @Test
    void aCookieOfAnotherSessionOrAlteredShowsNothing() {
        apply(post(request("POST", "/declarations/1/edit"), "/declarations/1/edit", "已保存 1"));
        Map.Entry<String, String> cookie = jar.entrySet().iterator().next();
        String value = cookie.getValue();
        jar.put(cookie.getKey(), value.substring(0, value.lastIndexOf('.') + 1) + "AAAA");
        assertThat(show("/declarations/1/edit")).isNull();
        jar.clear();

        MockHttpSession other = new MockHttpSession(null, "session-2");
        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/declarations/1/edit");
        elsewhere.setSession(other);
        apply(post(elsewhere, "/declarations/1/edit", "别人的"));
        assertThat(show("/declarations/1/edit")).as("written for session-2").isNull();
    }

    @Test
    void aNoticeInTheOlderSingleCookieIsShownAndThatCookieRemoved() {
        // before, every notice of a session waited in one cookie named PERF-FLASH, in the same format
        apply(post(request("POST", "/declarations/1/edit"), "/declarations/1/edit", "已保存 1"));
        String value = jar.values().iterator().next();
        jar.clear();
        jar.put("PERF-FLASH", value);

        assertThat(show("/declarations/2/edit")).as("not for this page").isNull();
        assertThat(show("/declarations/1/edit")).isEqualTo("已保存 1");
        assertThat(jar).isEmpty();
    }
}
