package cn.perf.web.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the one-time notices of a redirect (已保存, 已提交, the problems of a refused step: Spring MVC's flash
 * attributes) wait for the next request: in a cookie, not in the session (issue 12, deadline week). Spring keeps them
 * in the session, and with sessions in PostgreSQL every save then wrote a session attribute (a transaction), the page
 * after it deleted it again (another), and both, as changes of the stored session, dropped this node's copy of it, so
 * the next request read the session again: seven round trips to PostgreSQL per save, for a notice that says 已保存.
 *
 * <p>A cookie ({@value #COOKIE}: HttpOnly, SameSite=Lax, Secure on a secure request, expiring with the notices)
 * holds the flash maps of plain values only — booleans, numbers, texts, lists of texts — as JSON, with an HMAC-SHA256
 * keyed by the session's id: a notice cannot be made up outside the session it was written for (another tab of the
 * same session shares it, as it shared the session attribute), and a cookie from before a sign-in (a new session id)
 * is ignored. Anything else (a token shown once, an object), a request without a session, or notices too large
 * for the cookies (below) go to the session as before. A cookie that is malformed, forged or of another session is
 * dropped, never an error. Nothing here is kept on the node: any node reads the cookie.
 *
 * <p><b>One cookie per notice</b> ({@value #COOKIE}-&lt;id&gt;), so that two tabs never lose each other's notices: a
 * response sets the cookies of the notices it adds and removes only those it received and consumed. With one cookie
 * for all of them, two saves in two tabs at the same moment each read no notice, each wrote a cookie with its own,
 * and the browser kept the later one: the first tab's 已保存 never showed. At most {@value #MAX_COOKIES} notices wait
 * in cookies, of at most {@value #MAX_COOKIE_CHARS} characters together, so that every request's headers stay far
 * below Tomcat's limit; more go to the session. A cookie named {@value #COOKIE} alone (all notices in one, from
 * before) is read, and its notices move to cookies of their own.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
public class CookieFlashMaps extends AbstractFlashMapManager {

    /** The cookies' name: {@value}-&lt;id&gt;, one per notice. */
    static final String COOKIE = "PERF-FLASH";
    static final int MAX_COOKIE_CHARS = 3000;
    static final int MAX_COOKIES = 4;
    private static final String SESSION_ATTRIBUTE = CookieFlashMaps.class.getName() + ".FLASH_MAPS";
    /** This request's flash maps after an update: what a second look in the same request must see. */
    private static final String UPDATED = CookieFlashMaps.class.getName() + ".UPDATED";
    /** This request's view of the notice cookies ({@link Cookies}). */
    private static final String COOKIES = CookieFlashMaps.class.getName() + ".COOKIES";

    private final JsonMapper json;

    CookieFlashMaps(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        if (request.getAttribute(UPDATED) instanceof List<?> updated) {
            @SuppressWarnings("unchecked")
            List<FlashMap> maps = (List<FlashMap>) updated;
            return new ArrayList<>(maps);
        }
        Cookies cookies = cookies(request);
        List<FlashMap> maps = new ArrayList<>(cookies.read.keySet());
        maps.addAll(cookies.older);
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> stored) {
            for (Object m : stored) {
                maps.add((FlashMap) m);
            }
        }
        return maps.isEmpty() ? null : maps;
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(UPDATED, List.copyOf(flashMaps));
        HttpSession session = request.getSession(false);
        Cookies cookies = cookies(request);
        Set<String> kept = new HashSet<>(); // the cookies of notices still waiting, which stay as they are
        for (FlashMap m : flashMaps) {
            String name = cookies.read.get(m);
            if (name != null) {
                kept.add(name);
            }
        }
        int chars = kept.stream().mapToInt(cookies.sizes::get).sum();
        List<FlashMap> inSession = new ArrayList<>();
        for (FlashMap m : flashMaps) {
            if (cookies.read.containsKey(m)) {
                continue;
            }
            String value = session != null && plain(m) && kept.size() < MAX_COOKIES
                    ? encode(List.of(m), session.getId()) : null;
            if (value == null || chars + value.length() > MAX_COOKIE_CHARS) {
                inSession.add(m);
                continue;
            }
            chars += value.length();
            String name = COOKIE + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            long seconds = Math.max(1, m.getExpirationTime() - System.currentTimeMillis()) / 1000 + 1;
            writeCookie(request, response, name, value, Duration.ofSeconds(seconds));
            cookies.read.put(m, name);
            cookies.sizes.put(name, value.length());
            kept.add(name);
        }
        cookies.sizes.keySet().removeIf(name -> {
            boolean consumed = !kept.contains(name);
            if (consumed) {
                writeCookie(request, response, name, "", Duration.ZERO);
            }
            return consumed;
        });
        if (!inSession.isEmpty()) {
            request.getSession().setAttribute(SESSION_ATTRIBUTE, new ArrayList<>(inSession));
        } else if (session != null && session.getAttribute(SESSION_ATTRIBUTE) != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }

    /** No lock: a cookie belongs to its request, and the session's attribute is written whole. */
    @Override
    protected Object getFlashMapsMutex(HttpServletRequest request) {
        return null;
    }

    /** Whether every attribute of {@code map} is a plain value a cookie can carry as JSON and give back as it was. */
    static boolean plain(FlashMap map) {
        for (Object v : map.values()) {
            boolean ok = v instanceof Boolean || v instanceof String || v instanceof Integer || v instanceof Long
                    || (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String encode(List<FlashMap> maps, String sessionId) {
        ArrayNode array = json.createArrayNode();
        for (FlashMap m : maps) {
            ObjectNode o = array.addObject();
            o.put("path", m.getTargetRequestPath());
            ObjectNode params = o.putObject("params");
            m.getTargetRequestParams().forEach((k, vs) -> vs.forEach(v -> params.withArray(k).add(v)));
            o.put("expires", m.getExpirationTime());
            ObjectNode attributes = o.putObject("attributes");
            m.forEach((k, v) -> attributes.set(k, json.valueToTree(v)));
        }
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
        return payload + "." + mac(payload, sessionId);
    }

    /**
     * The notice cookies this request sent, and the flash maps read from them, by cookie; read once per request and
     * kept current by {@link #updateFlashMaps} (a request may update twice: its own notices shown, then a new one).
     */
    private Cookies cookies(HttpServletRequest request) {
        if (request.getAttribute(COOKIES) instanceof Cookies known) {
            return known;
        }
        Cookies cookies = new Cookies();
        HttpSession session = request.getSession(false);
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) || c.getName().startsWith(COOKIE + "-")) {
                    cookies.sizes.put(c.getName(), c.getValue().length());
                    for (FlashMap m : fromCookie(c.getValue(), session)) {
                        if (COOKIE.equals(c.getName())) {
                            cookies.older.add(m); // all in one cookie, from before: each goes to a cookie of its own
                        } else {
                            cookies.read.put(m, c.getName());
                        }
                    }
                }
            }
        }
        request.setAttribute(COOKIES, cookies);
        return cookies;
    }

    /** This request's notice cookies: those the browser holds (name, length), and which one each flash map came in. */
    private static final class Cookies {
        final Map<String, Integer> sizes = new LinkedHashMap<>();
        final Map<FlashMap, String> read = new IdentityHashMap<>();
        final List<FlashMap> older = new ArrayList<>();
    }

    /** A cookie's flash maps, or none when it is malformed, forged or written for another session. */
    private List<FlashMap> fromCookie(String value, HttpSession session) {
        if (value == null || value.isEmpty() || session == null) {
            return List.of();
        }
        int dot = value.lastIndexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(mac(value.substring(0, dot), session.getId())
                .getBytes(StandardCharsets.US_ASCII), value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return List.of();
        }
        try {
            JsonNode array = json.readTree(Base64.getUrlDecoder().decode(value.substring(0, dot)));
            List<FlashMap> maps = new ArrayList<>();
            for (JsonNode o : array) {
                FlashMap m = new FlashMap();
                JsonNode path = o.get("path");
                m.setTargetRequestPath(path == null || path.isNull() ? null : path.asString());
                MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
                o.get("params").properties().forEach(e -> e.getValue().forEach(v -> params.add(e.getKey(),
                        v.asString())));
                m.addTargetRequestParams(params);
                m.setExpirationTime(o.get("expires").asLong());
                o.get("attributes").properties().forEach(e -> m.put(e.getKey(), valueOf(e.getValue())));
                maps.add(m);
            }
            return maps;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return List.of(); // signed by this session yet unreadable: an older format; the notice is lost, no error
        }
    }

    private static Object valueOf(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isInt()) {
            return v.asInt();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isArray()) {
            List<String> texts = new ArrayList<>();
            v.forEach(t -> texts.add(t.asString()));
            return List.copyOf(texts);
        }
        return v.asString();
    }

    private static String mac(String payload, String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void writeCookie(HttpServletRequest request, HttpServletResponse response, String name,
                                    String value, Duration maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).path(path).maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
    }
}
