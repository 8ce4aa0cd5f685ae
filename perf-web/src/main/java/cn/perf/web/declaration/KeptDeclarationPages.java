package cn.perf.web.declaration;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.scope.Scope;
import cn.perf.web.shell.CacheBudget;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a declaration's read and edit pages show of one stored version ({@link DeclarationPage}: the form read whole,
 * its findings, the framework, the library), kept per form with the version it was read at, on this node, so that
 * the pages of a version rendered one after the other read the form once (issue 12, deadline week: after a save the
 * edit page shows the new version, and the read page the user opens next shows it again — each read the form's five
 * fetch queries, the framework and the library anew, and ran the lint).
 *
 * <p><b>Never stale.</b> The caller passes the version its stamp read (one indexed row, kept current across nodes by
 * the change feed), as {@code RenderedPages} does for whole pages: every change of the form or any of its rows makes a
 * new version, so a kept version never changes. A page is kept only when what was read is that version. What the page
 * shows beside the version — the unit's name, the framework and library (changed by migrations only) — expires with
 * {@code perf.page-cache.ttl}, as rendered pages do. What the viewer may do is computed for each request
 * ({@link DeclarationPage#seenBy}); a viewer who may not see the form gets {@code NotFoundException} as before.
 *
 * <p><b>One entry per form.</b> The page of a newer version replaces the older one (nobody asks for an older version
 * again). Keyed by (id, version), as it was, every save left an entry nobody would read, and once the cache was full
 * Caffeine's admission policy turned the new versions away in favour of those (see {@code RenderedPages}).
 *
 * <p><b>Bounded.</b> At most {@code perf.declaration-page-cache.max-size-mb} MB (by default a 32nd of the heap), by
 * an estimate of each page's size; the entries least likely to be used again go first. Nothing here is needed by
 * another node. Hits and misses (a page of an older version is a miss) are published as the {@code cache.*} metrics
 * of {@code declarationPages}.
 */
@Component
class KeptDeclarationPages {

    static final int HEAP_SHARE = 32;

    private final DeclarationFiling filing;
    private final Cache<Long, DeclarationPage> cache;
    private final boolean enabled;

    KeptDeclarationPages(DeclarationFiling filing,
                         @Value("${perf.declaration-page-cache.max-size-mb:-1}") long configuredMb,
                         @Value("${perf.page-cache.ttl:10m}") Duration ttl, ObjectProvider<MeterRegistry> meters) {
        long maxSizeMb = CacheBudget.megabytes(configuredMb, HEAP_SHARE);
        this.filing = filing;
        this.enabled = maxSizeMb > 0;
        this.cache = CacheBudget.bounded(maxSizeMb, (Long id, DeclarationPage p) -> weight(p))
                .expireAfterWrite(ttl)
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, "declarationPages"));
    }

    /**
     * The page of declaration {@code id} for {@code scope}, read as version {@code version} (the caller's stamp):
     * the kept one of that version if there is one, else read (and kept when it is that version).
     */
    DeclarationPage page(Scope scope, long id, long version) {
        if (!enabled) {
            return filing.page(scope, id);
        }
        DeclarationPage kept = CacheBudget.ofVersion(cache, id, KeptDeclarationPages::version, version);
        if (kept != null) {
            return kept.seenBy(scope);
        }
        DeclarationPage page = filing.page(scope, id);
        if (page.detail().version() == version) {
            CacheBudget.keepNewest(cache, id, page, KeptDeclarationPages::version);
        }
        return page;
    }

    /**
     * Keeps the page of a version this node has just written ({@link DeclarationFiling#reviseAndRead}): the edit
     * page shown after the save and the read page opened next then read nothing more.
     */
    void keep(DeclarationPage written) {
        if (enabled) {
            CacheBudget.keepNewest(cache, written.detail().id(), written, KeptDeclarationPages::version);
        }
    }

    /** Whether pages are kept at all ({@code perf.declaration-page-cache.max-size-mb} above 0). */
    boolean enabled() {
        return enabled;
    }

    private static long version(DeclarationPage page) {
        return page.detail().version();
    }

    /** Drops every kept page (tests). */
    void clear() {
        cache.invalidateAll();
    }

    /** Pages kept now (tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /**
     * A rough size in bytes: the detail holds each row twice (as printed and as the form's content), a few hundred
     * bytes of text each, and the texts of the form (概况, 依据 …) once or twice.
     */
    private static int weight(DeclarationPage p) {
        var d = p.detail();
        int rows = d.indicators().size() + d.subProjects().size() + d.milestones().size() + d.fundingSources().size()
                + p.findings().size() + p.library().size();
        return 8_192 + rows * 1_024;
    }
}
