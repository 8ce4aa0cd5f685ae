package cn.perf.reports.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break (避头尾, GB/T 15834 and the usual 禁则): OpenPDF breaks after any CJK
 * character, so a line could start with "，" or "）"; this rule keeps closing punctuation on the line before and
 * opening punctuation on the line after.
 * <ul>
 *   <li>never before a closing mark ({@link #NO_LINE_START}: ，。、；：？！）》」』】〕… and their ASCII kin);</li>
 *   <li>never after an opening mark ({@link #NO_LINE_END}: （《「『【〔“‘ …);</li>
 *   <li>otherwise after a space or hyphen, after any CJK character or full-width mark, and between a Latin letter or
 *       digit and a following CJK character; never inside a run of Latin letters and digits ("13732637755", "APP").</li>
 * </ul>
 * OpenPDF asks whether it may break <em>after</em> the character at {@code current}; the text of a paragraph is one
 * chunk, so the next character is in the same array. When a run without any break opportunity is wider than the
 * line, OpenPDF cuts it where it must.
 */
public final class ChineseLineBreaks implements SplitCharacter {

    /** The one instance; it has no state. */
    public static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    /** Characters a line must not start with. */
    public static final String NO_LINE_START = "，。、；：？！）》」』】〕〗〙〛｝］〉”’…‥·・～％‰℃°′″、．｡､"
            + ",.;:?!)]}%";

    /** Characters a line must not end with. */
    public static final String NO_LINE_END = "（《「『【〔〖〘〚｛［〈“‘([{";

    private ChineseLineBreaks() {
    }

    /** Whether {@code c} may not start a line. */
    public static boolean noLineStart(int c) {
        return NO_LINE_START.indexOf(c) >= 0;
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = charAt(current, cc, ck);
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end) {
            char next = charAt(current + 1, cc, ck);
            if (noLineStart(next)) {
                return false;
            }
            if (isWide(next) && !isWide(c) && c > ' ') {
                return true;
            }
        }
        return c <= ' ' || c == '-' || c == '\u2010' || isWide(c);
    }

    /** CJK ideographs, kana, hangul, CJK and full-width punctuation: a line may break after them. */
    static boolean isWide(char c) {
        return c >= 0x2e80 && c < 0xd7a0
                || c >= 0xf900 && c < 0xfb00
                || c >= 0xfe30 && c < 0xfe50
                || c >= 0xff00 && c < 0xffa0
                || c == '\u2014' || c == '\u2026' || c == '\u201c' || c == '\u201d' || c == '\u2018'
                || c == '\u2019' || c == '\u00b7';
    }

    private static char charAt(int i, char[] cc, PdfChunk[] ck) {
        if (ck == null) {
            return cc[i];
        }
        return (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
