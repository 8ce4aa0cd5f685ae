package cn.perf.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a page's form {@code #formId} as a browser posts them when nothing is clicked but the form is sent as
 * it is: every enabled {@code <input>} (HTML's default type is text; a checkbox or radio only when checked; no
 * buttons, so no {@code _op}), every {@code <select>} (its selected options; a single select without one sends its
 * first), every {@code <textarea>}; a name that comes twice keeps both values.
 *
 * <p>Read from the HTML the app writes (double-quoted attributes, {@code >} escaped inside them) by scanning with
 * {@link String#indexOf}, not with Gatling's {@code form()}: that parses the whole page into a DOM (Jodd), a third of
 * the load generator's CPU on the machine the app shares, and it leaves out inputs without a {@code type} and sends a
 * {@code <select multiple>} as a Scala list's {@code toString}. Nor with regular expressions, as until 2026-12-02:
 * they read the same fields but were a third of the load generator's CPU again (async-profiler on Gatling's JVM,
 * 1,200 users; docs/performance.md), CPU the app under test did not get.
 */
final class FormFields {

    private static final Set<String> NOT_SENT = Set.of("submit", "button", "reset", "image", "file");
    private static final String[] KINDS = {"input", "select", "textarea"};

    private FormFields() {
    }

    static Map<String, Object> of(String page, String formId) {
        int from = page.indexOf("<form id=\"" + formId + "\"");
        int to = from < 0 ? -1 : page.indexOf("</form>", from);
        if (from < 0 || to < 0) {
            throw new IllegalStateException("no form #" + formId + " on the page");
        }
        Map<String, Object> form = new LinkedHashMap<>();
        int at = from;
        while ((at = page.indexOf('<', at)) >= 0 && at < to) {
            String kind = tagAt(page, at, KINDS);
            if (kind == null) {
                at++;
                continue;
            }
            int attributesFrom = at + 1 + kind.length();
            int end = page.indexOf('>', attributesFrom);
            if (end < 0 || end >= to) {
                break;
            }
            at = end + 1;
            Map<String, String> a = attributes(page, attributesFrom, end);
            String name = a.get("name");
            if (name == null || a.containsKey("disabled")) {
                continue;
            }
            switch (kind) {
                case "input" -> {
                    String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
                    boolean choice = type.equals("checkbox") || type.equals("radio");
                    if (!NOT_SENT.contains(type) && (!choice || a.containsKey("checked"))) {
                        add(form, name, a.getOrDefault("value", choice ? "on" : ""));
                    }
                }
                case "select" -> select(page, at, closing(page, "</select>", at, to), a, form, name);
                default -> {
                    String text = page.substring(at, closing(page, "</textarea>", at, to));
                    add(form, name, unescape(text.startsWith("\n") ? text.substring(1) : text));
                }
            }
        }
        return form;
    }

    /** A select's selected options, or its first when none is selected and it is not multiple. */
    private static void select(String page, int from, int to, Map<String, String> a, Map<String, Object> form,
                               String name) {
        String first = null;
        boolean any = false;
        int at = from;
        while ((at = page.indexOf("<option", at)) >= 0 && at < to) {
            int attributesFrom = at + "<option".length();
            if (!nameEndsAt(page, attributesFrom)) {
                at++;
                continue;
            }
            int end = page.indexOf('>', attributesFrom);
            if (end < 0 || end >= to) {
                break;
            }
            int textEnd = page.indexOf('<', end + 1);
            textEnd = textEnd < 0 || textEnd > to ? to : textEnd;
            at = textEnd;
            Map<String, String> o = attributes(page, attributesFrom, end);
            String value = o.containsKey("value") ? o.get("value") : unescape(page.substring(end + 1, textEnd).trim());
            first = first == null ? value : first;
            if (o.containsKey("selected")) {
                add(form, name, value);
                any = true;
            }
        }
        if (!any && !a.containsKey("multiple") && first != null) {
            add(form, name, first);
        }
    }

    private static int closing(String page, String tag, int from, int to) {
        int at = page.indexOf(tag, from);
        if (at < 0 || at > to) {
            throw new IllegalStateException("no " + tag + " before the form's end");
        }
        return at;
    }

    /** Which of {@code kinds} the tag opened at {@code lt} is (a whole name: {@code <inputs} is none), or null. */
    private static String tagAt(String page, int lt, String[] kinds) {
        for (String kind : kinds) {
            if (page.startsWith(kind, lt + 1) && nameEndsAt(page, lt + 1 + kind.length())) {
                return kind;
            }
        }
        return null;
    }

    /** Whether a tag name ends before {@code at}: no letter, digit or underscore follows. */
    private static boolean nameEndsAt(String page, int at) {
        if (at >= page.length()) {
            return true;
        }
        char c = page.charAt(at);
        return !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == ':' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /**
     * The attributes between {@code from} and {@code to}: after white space, a name ({@code [a-zA-Z_:-]+}) and an
     * optional double-quoted value; a name without a value reads as "".
     */
    private static Map<String, String> attributes(String page, int from, int to) {
        Map<String, String> a = new HashMap<>();
        int at = from;
        while (at < to) {
            if (!isSpace(page.charAt(at))) {
                at++;
                continue;
            }
            int nameFrom = at + 1;
            int nameTo = nameFrom;
            while (nameTo < to && isNameChar(page.charAt(nameTo))) {
                nameTo++;
            }
            if (nameTo == nameFrom) {
                at++;
                continue;
            }
            String name = page.substring(nameFrom, nameTo);
            int quote = nameTo + 1 < to && page.charAt(nameTo) == '=' && page.charAt(nameTo + 1) == '"'
                    ? page.indexOf('"', nameTo + 2) : -1;
            if (quote >= 0 && quote < to) {
                a.put(name, unescape(page.substring(nameTo + 2, quote)));
                at = quote + 1;
            } else {
                a.put(name, "");
                at = nameTo;
            }
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> form, String name, String value) {
        form.merge(name, value, (was, more) -> {
            List<Object> values = was instanceof List<?> l ? (List<Object>) l : new ArrayList<>(List.of(was));
            values.add(more);
            return values;
        });
    }

    private static String unescape(String html) {
        if (html.indexOf('&') < 0) {
            return html;
        }
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
