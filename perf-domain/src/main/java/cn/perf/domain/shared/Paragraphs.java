package cn.perf.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one paragraph model of stored text blocks, for pages, PDF and Excel alike (DESIGN.md §2.1, §9). The Suzhou
 * system stores 项目概况 and the other blocks as {@code <p>…</p>} markup; pages store what the filer typed, one
 * paragraph per line. Both read as the same list of paragraphs: tags are paragraph breaks, never markup to
 * render, and the few entities such systems write ({@code &nbsp; &amp; &lt; &gt; &quot;}) are decoded. Views
 * print each paragraph as escaped text.
 */
public final class Paragraphs {

    private static final Pattern BREAKS = Pattern.compile("(?i)</?p(\\s[^>]*)?>|<br\\s*/?>|\\r?\\n|\\r");
    private static final Pattern OTHER_TAGS = Pattern.compile("(?i)</?(span|strong|b|i|em|u|font|div)(\\s[^>]*)?>");

    private Paragraphs() {
    }

    /** The paragraphs of a stored block, stripped, without empty ones; empty for null or blank text. */
    public static List<String> of(String stored) {
        List<String> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String part : BREAKS.split(OTHER_TAGS.matcher(stored).replaceAll(""))) {
            String p = decode(part).strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The block as a filer edits it: one paragraph per line. */
    public static String asLines(String stored) {
        return String.join("\n", of(stored));
    }

    private static String decode(String s) {
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replace('\u00a0', ' ').replace('\u3000', ' ');
    }
}
