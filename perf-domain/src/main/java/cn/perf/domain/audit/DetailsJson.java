package cn.perf.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The details of an audit entry as a flat JSON object of strings, in the order the event gave them. Written and
 * read here (no JSON library in the domain); characters other than quotes, backslashes and control characters are
 * kept as they are, so Chinese text stays searchable in the stored text.
 */
public final class DetailsJson {

    private DetailsJson() {
    }

    public static String write(Map<String, String> details) {
        StringBuilder s = new StringBuilder().append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            string(s, e.getKey()).append(':');
            string(s, e.getValue());
        }
        return s.append('}').toString();
    }

    /** Appends {@code value} as a JSON string, or {@code null}. */
    static StringBuilder string(StringBuilder s, String value) {
        if (value == null) {
            return s.append("null");
        }
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"');
    }

    /** Reads what {@link #write} wrote (any flat JSON object of strings). */
    public static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        int[] at = {skip(json, 0)};
        expect(json, at, '{');
        if (peek(json, at) == '}') {
            return out;
        }
        while (true) {
            String key = readString(json, at);
            expect(json, at, ':');
            String value = readString(json, at);
            out.put(key, value);
            char c = peek(json, at);
            at[0]++;
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("details: ',' or '}' expected at " + (at[0] - 1));
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char peek(String s, int[] at) {
        at[0] = skip(s, at[0]);
        if (at[0] >= s.length()) {
            throw new IllegalArgumentException("details: unexpected end");
        }
        return s.charAt(at[0]);
    }

    private static void expect(String s, int[] at, char c) {
        if (peek(s, at) != c) {
            throw new IllegalArgumentException("details: '" + c + "' expected at " + at[0]);
        }
        at[0]++;
    }

    private static String readString(String s, int[] at) {
        expect(s, at, '"');
        StringBuilder out = new StringBuilder();
        int i = at[0];
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        at[0] = i;
        return out.toString();
    }
}
