package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.web.declaration.DeclarationForm;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Rows kept by content: the fingerprint changes with every field of a row (also fields added later) and cannot be
 * fooled by texts that print alike; the marked rows are taken out of a page into the cache and the markers out of
 * the page.
 */
class KeptFragmentsTest {

    @Test
    void everyFieldOfARowChangesItsFingerprint() throws Exception {
        for (Object row : List.of(indicator(), new DeclarationForm.SubProjectForm())) {
            Set<String> seen = new HashSet<>();
            seen.add(KeptFragments.fingerprint("t", 1, row));
            List<Field> fields = new ArrayList<>();
            for (Field f : row.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.add(f);
                }
            }
            assertThat(fields).as("fields of %s", row.getClass()).hasSizeGreaterThan(3);
            for (Field f : fields) {
                f.setAccessible(true);
                Object before = f.get(row);
                f.set(row, otherValue(f.getType(), before));
                assertThat(seen.add(KeptFragments.fingerprint("t", 1, row)))
                        .as("a change of %s.%s changes the fingerprint", row.getClass().getSimpleName(), f.getName())
                        .isTrue();
            }
        }
    }

    @Test
    void textsThatPrintAlikeHaveDifferentFingerprints() {
        assertThat(KeptFragments.fingerprint(List.of("a, b"))).isNotEqualTo(KeptFragments.fingerprint(List.of("a", "b")));
        assertThat(KeptFragments.fingerprint("ab", "c")).isNotEqualTo(KeptFragments.fingerprint("a", "bc"));
        assertThat(KeptFragments.fingerprint((Object) null)).isNotEqualTo(KeptFragments.fingerprint("null"));
        assertThat(KeptFragments.fingerprint(1)).isNotEqualTo(KeptFragments.fingerprint("1"));
        assertThat(KeptFragments.fingerprint(Map.of("k", "v=1"))).isNotEqualTo(KeptFragments.fingerprint(Map.of("k=v", "1")));
        assertThat(KeptFragments.fingerprint(new Pair("a", 1))).isEqualTo(KeptFragments.fingerprint(new Pair("a", 1)))
                .isNotEqualTo(KeptFragments.fingerprint(new Pair("a", 2)));
    }

    @Test
    void markedRowsAreKeptAndTheMarkersLeaveThePage() {
        KeptFragments kept = new KeptFragments(1, new StaticListableBeanFactory().getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class));
        KeptFragments.Render first = kept.render(Map.of("rows", List.of("k1", "k2", "k3")));
        assertThat(first.get("rows", 0)).isNull();
        String page = "<table>" + first.open("rows", 0) + "<tr><td>一</td></tr>" + first.close("rows", 0)
                + first.open("rows", 1) + "<tr><td>二 TOKEN</td></tr>" + first.close("rows", 1)
                + "<tr><td>三</td></tr></table>";
        assertThat(kept.harvest(page, "TOKEN"))
                .isEqualTo("<table><tr><td>一</td></tr><tr><td>二 TOKEN</td></tr><tr><td>三</td></tr></table>");
        KeptFragments.Render next = kept.render(Map.of("rows", List.of("k1", "k2", "k3")));
        assertThat(next.get("rows", 0)).isEqualTo("<tr><td>一</td></tr>");
        assertThat(next.get("rows", 1)).as("a row holding the request's token is not kept").isNull();
        assertThat(next.get("rows", 2)).isNull();
        assertThat(next.get("rows", 3)).isNull();
        assertThat(next.get("other", 0)).isNull();
        assertThat(next.open("other", 0)).isEmpty();
        assertThat(kept.hits()).isEqualTo(1);
        assertThat(kept.harvest("<p>no rows</p>", "T")).isEqualTo("<p>no rows</p>");
        assertThatThrownBy(() -> kept.harvest("<p>" + next.open("rows", 2) + "<tr>", "T"))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * A row is weighed by its UTF-8 bytes: 700 rows of 1,000 characters, one in ten Chinese (1,200 bytes in UTF-8,
     * 2,000 as the UTF-16 string the JVM holds), fit in 1 MB — as strings they would not — and come back unchanged.
     */
    @Test
    void rowsAreWeighedByTheirUtf8Bytes() {
        KeptFragments kept = new KeptFragments(1, new StaticListableBeanFactory().getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class));
        int rows = 700;
        List<String> keys = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        KeptFragments.Render first = kept.render(Map.of("rows", keysOf(rows, keys)));
        for (int i = 0; i < rows; i++) {
            page.append(first.open("rows", i)).append(row(i)).append(first.close("rows", i));
        }
        kept.harvest(page.toString(), "TOKEN");

        assertThat(kept.size()).isEqualTo(rows);
        KeptFragments.Render next = kept.render(Map.of("rows", keys));
        for (int i = 0; i < rows; i++) {
            assertThat(next.get("rows", i)).isEqualTo(row(i));
        }
    }

    private static List<String> keysOf(int n, List<String> into) {
        for (int i = 0; i < n; i++) {
            into.add("key-" + i);
        }
        return into;
    }

    /** 1,000 characters: 900 of ASCII markup and 100 Chinese (绩效 50 times). */
    private static String row(int i) {
        String head = "<tr data-row=\"" + i + "\"><td class=\"cell\">";
        return head + "x".repeat(900 - head.length() - 10) + "绩效".repeat(50) + "</td></tr>";
    }

    private record Pair(String s, int n) {
    }

    private static DeclarationForm.IndicatorForm indicator() {
        return new DeclarationForm.IndicatorForm();
    }

    private static Object otherValue(Class<?> type, Object before) {
        if (type == String.class) {
            return before + "x";
        }
        if (type == Long.class || type == long.class) {
            return before == null ? 7L : (Long) before + 1;
        }
        if (type == List.class) {
            List<String> list = new ArrayList<>();
            list.add("k-" + (before == null ? 0 : ((List<?>) before).size()));
            return list;
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return before == values[0] ? values[1] : values[0];
        }
        throw new IllegalArgumentException("no other value for " + type);
    }
}
