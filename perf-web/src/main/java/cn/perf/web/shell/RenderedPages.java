package cn.perf.web.shell;

import cn.perf.domain.scope.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Rendered pages of one stored version of a form, kept so that opening the same form again does not render its
 * hundreds of fields again (a 40-row declaration is 220 KB of HTML and tens of milliseconds of Thymeleaf).
 *
 * <p><b>Never stale.</b> The key holds the form's id and its optimistic-lock version (bumped by every change of the
 * form or any of its rows), the viewer (account, unit, roles and scope as read from the database for this very
 * request), the signed-in authorities, the locale and the view. The caller reads the current version before it
 * asks (one indexed row), so a saved change, on any node, is never answered with an older rendering; a change of
 * the user's roles or units changes the key. Everything else a page shows either derives from those (totals,
 * findings, readings) or is reference data that changes rarely (the indicator library): entries expire after
 * {@code perf.page-cache.ttl} to bound that. Nothing here is needed by another node: a node without the entry
 * renders the page.
 *
 * <p><b>Per request.</b> The one per-session value in a rendered page is the CSRF token (hidden form fields, the
 * meta tag htmx reads). It is cut out when the page is stored and the current request's token is put back when the
 * page is served. Pages with one-time content (flash messages after a save) are neither served from nor put into
 * the cache.
 *
 * <p><b>Compressed once.</b> A kept page is also kept gzip-compressed ({@link SplicedGzip}); a browser that accepts
 * gzip gets those bytes with its token spliced in (a 40-row form: 220 KB of HTML, about a tenth of that sent).
 *
 * <p><b>Bounded.</b> At most {@code perf.page-cache.max-size-mb} MB of rendered HTML (least recently used entries go
 * first); {@code 0} switches the cache off. Hits, misses and evictions are published as the {@code cache.*} metrics
 * of {@code renderedPages}.
 */
@Component
public class RenderedPages {

    private final Cache<Key, Rendered> cache;
    private final ThymeleafViewResolver views;
    private final boolean enabled;

    RenderedPages(ThymeleafViewResolver views, @Value("${perf.page-cache.max-size-mb:64}") long maxSizeMb,
                  @Value("${perf.page-cache.ttl:10m}") Duration ttl, ObjectProvider<MeterRegistry> meters) {
        this.views = views;
        this.enabled = maxSizeMb > 0;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxSizeMb) * 1024 * 1024)
                .weigher((Key k, Rendered r) -> r.weight())
                .expireAfterWrite(ttl)
                .recordStats()
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, "renderedPages"));
    }

    /**
     * The stored rendering of {@code view} for version {@code version} of form {@code id} as this viewer sees it, if
     * there is one and the request may be answered from the cache.
     */
    public Optional<ModelAndView> cached(HttpServletRequest request, Viewer viewer, String view, long id,
                                         long version) {
        if (!cacheable(request)) {
            return Optional.empty();
        }
        Rendered found = cache.getIfPresent(key(request, viewer, view, id, version));
        return found == null ? Optional.empty() : Optional.of(new ModelAndView(new Serve(found)));
    }

    /**
     * Renders {@code view} with the handler's model and, when the request may be cached, keeps the result for
     * version {@code version} of form {@code id}: the version the model was built from.
     */
    public ModelAndView render(HttpServletRequest request, Viewer viewer, String view, long id, long version) {
        if (!cacheable(request)) {
            return new ModelAndView(view);
        }
        try {
            View thymeleaf = views.resolveViewName(view, RequestContextUtils.getLocale(request));
            if (thymeleaf == null) {
                return new ModelAndView(view);
            }
            return new ModelAndView(new Record(thymeleaf, key(request, viewer, view, id, version)));
        } catch (Exception e) {
            throw new IllegalStateException("view " + view + " cannot be resolved", e);
        }
    }

    /** Entries held now (for tests and monitoring). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private boolean cacheable(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod())) {
            return false;
        }
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash == null || flash.isEmpty();
    }

    private static Key key(HttpServletRequest request, Viewer viewer, String view, long id, long version) {
        Set<String> authorities = new TreeSet<>();
        if (request.getUserPrincipal() instanceof Authentication auth) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                authorities.add(a.getAuthority());
            }
        }
        return new Key(view, id, version, viewer, authorities, RequestContextUtils.getLocale(request));
    }

    private static String token(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t ? t.getToken() : null;
    }

    private record Key(String view, long id, long version, Viewer viewer, Set<String> authorities, Locale locale) {
    }

    /**
     * The page cut at each place the CSRF token was: segment, token, segment, …, segment; and the same segments
     * compressed once, for the browsers that accept gzip (all of them): a 40-row form is 220 KB of HTML.
     */
    private record Rendered(String contentType, List<byte[]> segments, SplicedGzip gzip) {

        Rendered(String contentType, List<byte[]> segments) {
            this(contentType, List.copyOf(segments), SplicedGzip.of(segments));
        }

        int weight() {
            long bytes = 64 + gzip.compressedBytes();
            for (byte[] s : segments) {
                bytes += s.length + 32;
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        static Rendered of(String contentType, byte[] body, String token) {
            List<byte[]> segments = new ArrayList<>();
            if (token == null || token.isEmpty()) {
                segments.add(body);
                return new Rendered(contentType, segments);
            }
            String html = new String(body, StandardCharsets.UTF_8);
            int from = 0;
            for (int at = html.indexOf(token); at >= 0; at = html.indexOf(token, from)) {
                segments.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
                from = at + token.length();
            }
            segments.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
            return new Rendered(contentType, segments);
        }
    }

    /** Renders with Thymeleaf into a buffer, keeps the result, and sends it. */
    private final class Record implements View {

        private final View delegate;
        private final Key key;

        Record(View delegate, Key key) {
            this.delegate = delegate;
            this.key = key;
        }

        @Override
        public String getContentType() {
            return delegate.getContentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            delegate.render(model, request, buffer);
            if (buffer.getStatus() == HttpStatus.OK.value() && buffer.getContentType() != null) {
                Rendered page = Rendered.of(buffer.getContentType(), buffer.getContentAsByteArray(), token(request));
                cache.put(key, page);
                new Serve(page).render(model, request, response); // the first response as every later one
                return;
            }
            buffer.copyBodyToResponse();
        }
    }

    /** Sends a kept page with this request's CSRF token put back. */
    private static final class Serve implements View {

        private final Rendered page;

        Serve(Rendered page) {
            this.page = page;
        }

        @Override
        public String getContentType() {
            return page.contentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            List<byte[]> segments = page.segments();
            byte[] token = new byte[0];
            if (segments.size() > 1) {
                String current = token(request);
                if (current == null) {
                    throw new IllegalStateException("a cached page with a CSRF token, but the request has none");
                }
                token = current.getBytes(StandardCharsets.UTF_8);
            }
            response.setContentType(page.contentType());
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (SplicedGzip.accepted(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                response.setContentLengthLong(page.gzip().length(token));
                page.gzip().write(token, response.getOutputStream());
                return;
            }
            long length = (long) token.length * (segments.size() - 1);
            for (byte[] s : segments) {
                length += s.length;
            }
            response.setContentLengthLong(length);
            ServletOutputStream out = response.getOutputStream();
            for (int i = 0; i < segments.size(); i++) {
                if (i > 0) {
                    out.write(token);
                }
                out.write(segments.get(i));
            }
        }
    }
}
