package cn.perf.web.declaration;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * For the 409 page: a {@link DeclarationForm} flattened into its request parameters ({@code projectName},
 * {@code indicators[3].targetText} …), and the fields where the user's unsaved input differs from what is stored
 * now. The page re-posts the user's parameters as hidden fields, so saving "mine" on top of the new version loses
 * nothing typed.
 */
final class FormDifferences {

    /** One field: its parameter name, the message key of its label, the row number (0 for none) and its value. */
    record Field(String name, String labelKey, int row, String value) {
    }

    /** A field whose value differs: mine and stored. */
    record Difference(String name, String labelKey, int row, String mine, String stored) {
    }

    private static final Set<String> SKIPPED = Set.of("class", "id", "version", "layout", "unitId", "year",
            "frameworkCode");

    private FormDifferences() {
    }

    static List<Difference> between(DeclarationForm mine, DeclarationForm stored) {
        Map<String, Field> a = index(fields(mine));
        Map<String, Field> b = index(fields(stored));
        List<Difference> out = new ArrayList<>();
        Set<String> names = new java.util.LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            Field x = a.get(name);
            Field y = b.get(name);
            String mv = x == null ? "" : nz(x.value());
            String sv = y == null ? "" : nz(y.value());
            if (!normalized(mv).equals(normalized(sv)) && !name.endsWith(".key") && !name.endsWith(".id")) {
                Field f = x != null ? x : y;
                out.add(new Difference(name, f.labelKey(), f.row(), mv, sv));
            }
        }
        return out;
    }

    static List<Field> fields(DeclarationForm form) {
        List<Field> out = new ArrayList<>();
        flatten(form, "", "declaration.field.", 0, out);
        return out;
    }

    private static void flatten(Object bean, String prefix, String labelPrefix, int row, List<Field> out) {
        try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(bean.getClass()).getPropertyDescriptors()) {
                Method read = p.getReadMethod();
                if (read == null || (prefix.isEmpty() && SKIPPED.contains(p.getName())) || "class".equals(p.getName())) {
                    continue;
                }
                Object value = read.invoke(bean);
                String name = prefix + p.getName();
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        Object item = list.get(i);
                        if (item == null) {
                            continue;
                        }
                        if (item instanceof String s) {
                            out.add(new Field(name, labelPrefix + p.getName(), row, s));
                        } else {
                            flatten(item, name + "[" + i + "].", labelPrefix + p.getName() + ".", i + 1, out);
                        }
                    }
                } else {
                    out.add(new Field(name, labelPrefix + p.getName(), row, value == null ? null
                            : value instanceof Enum<?> e ? e.name() : value.toString()));
                }
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException("cannot read the form", e);
        }
    }

    private static Map<String, Field> index(List<Field> fields) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.merge(f.name(), f, (x, y) -> new Field(x.name(), x.labelKey(), x.row(),
                    nz(x.value()) + "、" + nz(y.value())));
        }
        return out;
    }

    /** Browsers post textarea lines with CRLF; what is stored comes back with LF: the same text. */
    private static String normalized(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String nz(String s) {
        return Objects.toString(s, "");
    }
}
