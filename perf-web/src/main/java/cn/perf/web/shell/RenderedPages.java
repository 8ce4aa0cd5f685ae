package cn.perf.web.shell;

import cn.perf.domain.scope.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p><b>Never stale.</b> The key holds the form's id, the viewer (account, unit, roles and scope as read from the
 * database for this very request), the signed-in authorities, the locale and the view; the entry holds the page and
 * the form's optimistic-lock version it was rendered from (bumped by every change of the form or any of its rows).
 * The caller reads the current version before it asks (one indexed row), and only a page of that version is served,
 * so a saved change, on any node, is never answered with an older rendering; a change of the user's roles or units
 * changes the key. Everything else a page shows either derives from those (totals, findings, readings) or is
 * reference data that changes rarely (the indicator library): entries expire after
 * {@code perf.page-cache.ttl} to bound that. Nothing here is needed by another node: a node without the entry
 * renders the page.
 *
 * <p><b>Per request.</b> The one per-session value in a rendered page is the CSRF token (hidden form fields, the
 * meta tag htmx reads). It is cut out when the page is stored and the current request's token is put back when the
 * page is served. One-time notices (已保存, 已提交 … : flash attributes after a redirect) are per request too: a kept
 * view prints {@link #NOTICES} where they go and renders them in its fragment {@code notices}; the page is kept as
 * rendered without them, and each response gets its own notices (rendered from that small fragment alone, only
 * when the request has any) in their place. So the page shown after a save is the one kept for the saved version:
 * opening it again later renders nothing.
 *
 * <p><b>Compressed once, kept compressed.</b> A kept page is kept gzip-compressed only ({@link SplicedGzip}): a
 * browser that accepts gzip gets those bytes with its token spliced in (a 40-row form: 220 KB of HTML, about a tenth
 * of that sent and kept); a client that does not is sent the page decompressed again. Kept as plain text too, as it
 * was, a 40-row page weighed 240 KB, and at 2,000 deadline-week users the pages in use (the 申报表's read and edit
 * pages and the 自评表's, each user's own) outgrew the cache, so pages were rendered again that had been rendered
 * before (docs/performance.md).
 *
 * <p><b>One entry per page, not per version.</b> The page of a new version replaces the older one under the same key
 * (an older version is never asked for again). Keyed by version, as it was, every save added an entry that nobody
 * would read, the cache filled with them, and Caffeine's admission policy (W-TinyLFU) then turned away the pages
 * just rendered, each seen once, in favour of those dead ones, seen twice (the deadline-week round replayed against
 * Caffeine, 2,000 users: 1.5 % hits keyed by version, 100 % keyed by page; docs/performance.md).
 *
 * <p><b>Bounded.</b> At most {@code perf.page-cache.max-size-mb} MB of rendered HTML (by default an eighth of the
 * maximum heap; the entries least likely to be used again go first); {@code 0} switches the cache off. Hits, misses
 * and evictions are published as the {@code cache.*} metrics of {@code renderedPages} (a page of an older version
 * counts as a miss).
 */
@Component
public class RenderedPages {

    /**
     * Printed by a kept view where its one-time notices go; its fragment {@code notices} renders them from the
     * flash attributes. Never part of a response.
     */
    public static final String NOTICES = "<!--perf:notices-->";

    private static final String NOTICES_FRAGMENT = " :: notices";
    private static final byte[] NONE = new byte[0];

    /** Without a configured size: an eighth of the maximum heap ({@link CacheBudget}). */
    static final int HEAP_SHARE = 8;

    private final Cache<Key, Kept> cache;
    private final ThymeleafViewResolver views;
    private final KeptFragments fragments;
    private final boolean enabled;

    RenderedPages(ThymeleafViewResolver views, KeptFragments fragments,
                  @Value("${perf.page-cache.max-size-mb:-1}") long configuredMb,
                  @Value("${perf.page-cache.ttl:10m}") Duration ttl, ObjectProvider<MeterRegistry> meters) {
        long maxSizeMb = CacheBudget.megabytes(configuredMb, HEAP_SHARE);
        this.views = views;
        this.fragments = fragments;
        this.enabled = maxSizeMb > 0;
        this.cache = CacheBudget.bounded(maxSizeMb, (Key k, Kept kept) -> kept.page().weight())
                .expireAfterWrite(ttl)
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
        Kept found = CacheBudget.ofVersion(cache, key(request, viewer, view, id), Kept::version, version);
        return found == null ? Optional.empty() : Optional.of(new ModelAndView(new Serve(found.page(), view)));
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
            return new ModelAndView(new Record(thymeleaf, key(request, viewer, view, id), version));
        } catch (Exception e) {
            throw new IllegalStateException("view " + view + " cannot be resolved", e);
        }
    }

    /**
     * Whether {@link #render} will buffer this request's page, so that its template may mark rows for
     * {@link KeptFragments} (a page not buffered would send the markers).
     */
    public boolean keeps(HttpServletRequest request) {
        return cacheable(request) && fragments.enabled();
    }

    /** Drops every kept page (tests; after a template change on a running node). */
    public void clear() {
        cache.invalidateAll();
    }

    /** Entries held now (for tests and monitoring). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private boolean cacheable(HttpServletRequest request) {
        return enabled && "GET".equals(request.getMethod());
    }

    /** The names of this request's one-time attributes (empty for most requests). */
    private static Set<String> flash(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash == null ? Set.of() : flash.keySet();
    }

    /** The view's {@code notices} fragment rendered with this request's model, or nothing without one-time content. */
    private byte[] notices(String view, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (flash(request).isEmpty()) {
            return NONE;
        }
        View fragment = views.resolveViewName(view + NOTICES_FRAGMENT, RequestContextUtils.getLocale(request));
        if (fragment == null) {
            throw new IllegalStateException("view " + view + " keeps a place for notices but has no fragment notices");
        }
        ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
        fragment.render(model, request, buffer);
        return buffer.getContentAsByteArray();
    }

    private static Key key(HttpServletRequest request, Viewer viewer, String view, long id) {
        Set<String> authorities = new TreeSet<>();
        if (request.getUserPrincipal() instanceof Authentication auth) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                authorities.add(a.getAuthority());
            }
        }
        return new Key(view, id, viewer, authorities, RequestContextUtils.getLocale(request));
    }

    private static String token(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t ? t.getToken() : null;
    }

    private record Key(String view, long id, Viewer viewer, Set<String> authorities, Locale locale) {
    }

    /** A page and the version of the form it was rendered from. */
    private record Kept(long version, Rendered page) {
    }

    /**
     * The page cut at each place the CSRF token or {@link #NOTICES} was: segment, joint, segment, …, segment, where
     * {@code notices.get(i)} says whether joint {@code i} is the notices (else the token); the segments are kept only
     * compressed ({@link SplicedGzip}).
     */
    private record Rendered(String contentType, List<Boolean> notices, SplicedGzip gzip) {

        Rendered(String contentType, List<byte[]> segments, List<Boolean> notices) {
            this(contentType, List.copyOf(notices), SplicedGzip.of(segments));
        }

        int weight() {
            long bytes = 64 + gzip.compressedBytes() + 48L * gzip.parts();
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        boolean hasNotices() {
            return notices.contains(Boolean.TRUE);
        }

        boolean hasToken() {
            return notices.contains(Boolean.FALSE);
        }

        static Rendered of(String contentType, String html, String token) {
            List<byte[]> segments = new ArrayList<>();
            List<Boolean> notices = new ArrayList<>();
            boolean withToken = token != null && !token.isEmpty();
            int from = 0;
            while (true) {
                int atToken = withToken ? html.indexOf(token, from) : -1;
                int atNotices = html.indexOf(NOTICES, from);
                if (atToken < 0 && atNotices < 0) {
                    break;
                }
                boolean isNotices = atToken < 0 || (atNotices >= 0 && atNotices < atToken);
                int at = isNotices ? atNotices : atToken;
                segments.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
                notices.add(isNotices);
                from = at + (isNotices ? NOTICES.length() : token.length());
            }
            segments.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
            return new Rendered(contentType, segments, notices);
        }
    }

    /** Renders with Thymeleaf into a buffer, keeps the result, and sends it. */
    private final class Record implements View {

        private final View delegate;
        private final Key key;
        private final long version;

        Record(View delegate, Key key, long version) {
            this.delegate = delegate;
            this.key = key;
            this.version = version;
        }

        @Override
        public String getContentType() {
            return delegate.getContentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Set<String> flash = flash(request);
            Map<String, ?> withoutNotices = model;
            if (!flash.isEmpty()) {
                Map<String, Object> rest = new HashMap<>(model);
                rest.keySet().removeAll(flash);
                withoutNotices = rest;
            }
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            delegate.render(withoutNotices, request, buffer);
            if (buffer.getStatus() == HttpStatus.OK.value() && buffer.getContentType() != null) {
                String token = token(request);
                String html = fragments.harvest(new String(buffer.getContentAsByteArray(), StandardCharsets.UTF_8),
                        token);
                Rendered page = Rendered.of(buffer.getContentType(), html, token);
                CacheBudget.keepNewest(cache, key, new Kept(version, page), Kept::version);
                if (!flash.isEmpty() && !page.hasNotices()) {
                    delegate.render(model, request, response); // no place for this request's notices: render them
                    return;
                }
                new Serve(page, key.view()).render(model, request, response); // the first response as every later one
                return;
            }
            buffer.copyBodyToResponse();
        }
    }

    /** Sends a kept page with this request's CSRF token and one-time notices put back. */
    private final class Serve implements View {

        private final Rendered page;
        private final String view;

        Serve(Rendered page, String view) {
            this.page = page;
            this.view = view;
        }

        @Override
        public String getContentType() {
            return page.contentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            byte[] token = NONE;
            if (page.hasToken()) {
                String current = token(request);
                if (current == null) {
                    throw new IllegalStateException("a cached page with a CSRF token, but the request has none");
                }
                token = current.getBytes(StandardCharsets.UTF_8);
            }
            byte[] notices = page.hasNotices() ? notices(view, model, request, response) : NONE;
            List<byte[]> joints = new ArrayList<>(page.notices().size());
            for (boolean isNotices : page.notices()) {
                joints.add(isNotices ? notices : token);
            }
            response.setContentType(page.contentType());
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (SplicedGzip.accepted(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                response.setContentLengthLong(page.gzip().length(joints));
                page.gzip().write(joints, response.getOutputStream());
                return;
            }
            response.setContentLengthLong(page.gzip().plainLength(joints));
            page.gzip().writePlain(joints, response.getOutputStream());
        }
    }
}
