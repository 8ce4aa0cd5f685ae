package cn.perf.web.shell;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rendered HTML of a form's repeated rows (a 申报表's 40 indicator rows: most of its rendering), kept by
 * <b>content</b>, so that rendering the page of a form's next version (after a save that changed one field) or the
 * same rows for another viewer renders only the rows that changed.
 *
 * <p><b>Never stale, on any node.</b> A row's key is a SHA-256 fingerprint of everything its HTML is made of, which
 * the caller lists: the row's own fields (all of them, read by {@link #fingerprint}), its position and the table's
 * length (numbering, the 上移/下移 buttons), the choices it offers (categories, sub-projects), how its target reads,
 * the locale and the context path. Equal inputs render equal HTML, so a kept row is right wherever and whenever it
 * is used; a changed input is a different key. Rows are kept only on pages rendered without input errors (the keys
 * do not cover field errors; the caller checks).
 *
 * <p><b>How rows are kept.</b> The template asks {@link Render#get} for a row's HTML and prints it; on a miss it
 * renders the row between {@link Render#open} and {@link Render#close} markers. {@link RenderedPages}, which
 * buffers the page anyway, {@linkplain #harvest takes the marked rows out of the buffer} into this cache and the
 * markers out of the page. A page that is not buffered must not get a {@link Render} (see
 * {@link RenderedPages#keeps}).
 *
 * <p><b>Bounded.</b> At most {@code perf.fragment-cache.max-size-mb} MB of HTML (by default a sixteenth of the maximum
 * heap), entries dropped 30 minutes after their last use; {@code 0} switches it off. Metrics as {@code cache.*} of {@code keptFragments}.
 * A row is kept as UTF-8 bytes, not as a {@code String}: a row with any Chinese character is a UTF-16 string in the
 * JVM, two bytes a character, while its HTML is mostly ASCII markup, about 1.1 bytes a character in UTF-8 — the same
 * budget holds nearly twice the rows (the 4,000 forms of a 2,000-user load run did not fit in a sixteenth of a 6 GB
 * heap as strings: docs/performance.md). Decoding a kept row when it is printed costs microseconds.
 */
@Component
public class KeptFragments {

    private static final String OPEN = "<!--perf:keep:";
    private static final String OPEN_END = "-->";
    private static final String CLOSE = "<!--/perf:keep-->";
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, List<java.lang.reflect.Method>> ACCESSORS = new ConcurrentHashMap<>();

    /** Without a configured size: a sixteenth of the maximum heap ({@link CacheBudget}). */
    static final int HEAP_SHARE = 16;

    private final Cache<String, byte[]> cache;
    private final boolean enabled;

    KeptFragments(@Value("${perf.fragment-cache.max-size-mb:-1}") long configuredMb,
                  ObjectProvider<MeterRegistry> meters) {
        long maxSizeMb = CacheBudget.megabytes(configuredMb, HEAP_SHARE);
        this.enabled = maxSizeMb > 0;
        // a row's bytes, its key (Base64: one byte a character) and about 96 bytes of entry, string and array headers
        this.cache = CacheBudget.bounded(maxSizeMb, (String k, byte[] html) -> 96 + k.length() + html.length)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, "keptFragments"));
    }

    /** What one page's template asks: the key of each row by table, computed by the caller. */
    public Render render(Map<String, List<String>> keysByTable) {
        return new Render(Map.copyOf(keysByTable));
    }

    /** Whether rows are kept at all ({@code perf.fragment-cache.max-size-mb} > 0). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes the rows rendered between markers out of {@code html} into the cache and returns the page without the
     * markers. A marked row that holds {@code secret} (the request's CSRF token) is not kept.
     */
    String harvest(String html, String secret) {
        int open = html.indexOf(OPEN);
        if (open < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (open >= 0) {
            int keyEnd = html.indexOf(OPEN_END, open + OPEN.length());
            int close = keyEnd < 0 ? -1 : html.indexOf(CLOSE, keyEnd);
            if (close < 0) {
                throw new IllegalStateException("a kept row opened at " + open + " is not closed");
            }
            String key = html.substring(open + OPEN.length(), keyEnd);
            String row = html.substring(keyEnd + OPEN_END.length(), close);
            if (secret == null || secret.isEmpty() || !row.contains(secret)) {
                cache.put(key, row.getBytes(StandardCharsets.UTF_8));
            }
            out.append(html, from, open).append(row);
            from = close + CLOSE.length();
            open = html.indexOf(OPEN, from);
        }
        return out.append(html, from, html.length()).toString();
    }

    /** Rows held now (for tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** How many rows were printed from the cache since start (tests, monitoring). */
    public long hits() {
        return cache.stats().hitCount();
    }

    /** Drops every kept row (tests; after a template change on a running node, which the keys do not cover). */
    public void clear() {
        cache.invalidateAll();
    }

    /**
     * The fingerprint of a row: every part written out unambiguously (texts with their length, lists and maps
     * element by element, records component by component, any other object field by field — every non-static field
     * of its class, by name, so a field added later is covered without anyone remembering to list it), then hashed.
     */
    public static String fingerprint(Object... parts) {
        StringBuilder text = new StringBuilder(512);
        for (Object part : parts) {
            append(text, part, 0);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void append(StringBuilder text, Object part, int depth) {
        if (depth > 8) {
            throw new IllegalArgumentException("a row nested deeper than 8 levels: " + part.getClass());
        }
        if (part == null) {
            text.append('N');
        } else if (part instanceof CharSequence s) {
            text.append('S').append(s.length()).append(':').append(s);
        } else if (part instanceof Number || part instanceof Boolean || part instanceof Enum<?>
                || part instanceof Character || part instanceof java.util.Locale) {
            text.append('V').append(part.getClass().getSimpleName()).append(':').append(part).append(';');
        } else if (part instanceof Iterable<?> list) {
            text.append("L[");
            list.forEach(e -> append(text, e, depth + 1));
            text.append(']');
        } else if (part instanceof Map<?, ?> map) {
            text.append("M[");
            map.forEach((k, v) -> {
                append(text, k, depth + 1);
                append(text, v, depth + 1);
            });
            text.append(']');
        } else if (part instanceof Record record) {
            text.append('R').append(part.getClass().getName()).append('{');
            for (java.lang.reflect.Method accessor : ACCESSORS.computeIfAbsent(part.getClass(), KeptFragments::accessorsOf)) {
                try {
                    append(text, accessor.invoke(record), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("component " + accessor + " cannot be read", e);
                }
            }
            text.append('}');
        } else {
            text.append('O').append(part.getClass().getName()).append('{');
            for (Field f : FIELDS.computeIfAbsent(part.getClass(), KeptFragments::fieldsOf)) {
                try {
                    text.append(f.getName()).append('=');
                    append(text, f.get(part), depth + 1);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("field " + f + " cannot be read", e);
                }
            }
            text.append('}');
        }
    }

    private static List<java.lang.reflect.Method> accessorsOf(Class<?> record) {
        List<java.lang.reflect.Method> out = new ArrayList<>();
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            java.lang.reflect.Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            out.add(accessor);
        }
        return List.copyOf(out);
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparing((Field f) -> f.getDeclaringClass().getName()).thenComparing(Field::getName));
        return List.copyOf(out);
    }

    /** The template's view of one page's kept rows. */
    public final class Render {

        private final Map<String, List<String>> keys;

        private Render(Map<String, List<String>> keys) {
            this.keys = keys;
        }

        /** The kept HTML of row {@code index} of {@code table}, or null: then render it between the markers. */
        public String get(String table, int index) {
            String key = key(table, index);
            byte[] html = key == null ? null : cache.getIfPresent(key);
            return html == null ? null : new String(html, StandardCharsets.UTF_8);
        }

        /** Printed before a row rendered now, so that it is kept. */
        public String open(String table, int index) {
            String key = key(table, index);
            return key == null ? "" : OPEN + key + OPEN_END;
        }

        /** Printed after a row rendered now. */
        public String close(String table, int index) {
            return key(table, index) == null ? "" : CLOSE;
        }

        private String key(String table, int index) {
            List<String> list = keys.get(table);
            return list == null || index < 0 || index >= list.size() ? null : list.get(index);
        }
    }
}
