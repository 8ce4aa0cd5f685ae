package cn.perf.web.evaluation;

import cn.perf.domain.evaluation.ScoreBoard;
import cn.perf.domain.evaluation.ScoringOutcome.FindingLine;
import cn.perf.domain.shared.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of the self-evaluation page the live score sends back. The page keeps, in the hidden field
 * {@value #FIELD}, a fingerprint of what each part now shows: the total beside the buttons ({@code t}), the score
 * board ({@code b}), the findings panel ({@code f}), the funds checks ({@code u}) and each row's score cell (its
 * position). htmx posts that field with the form; the answer holds only the parts whose fingerprint changed, and
 * the field with the new fingerprints (swapped out of band). Typing in one row therefore re-sends that row, the
 * board and the total, not all 40 rows and their traces.
 *
 * <p>The server keeps nothing: what the page shows travels with the request, so any node can answer it. A missing
 * or unreadable field (an older page, a hand-made request) sends every part. A fingerprint is the first 64 bits of
 * the SHA-256 of exactly what the part displays, so a part is skipped only when it would be rendered the same.
 */
final class LiveParts {

    /** The request parameter and the hidden field's id-less name. */
    static final String FIELD = "liveShown";

    /** Longest field read (300 rows × 16 characters and the four parts); longer is read as missing. */
    private static final int MAX_LENGTH = 8_000;

    private static final String TOTAL = "t";
    private static final String BOARD = "b";
    private static final String FINDINGS = "f";
    private static final String FUNDS = "u";

    /** The parts to render and the field's new value. */
    record Answer(boolean total, boolean board, boolean findings, boolean funds, List<ScoreBoard.Row> rows,
                  String shown) {
    }

    private LiveParts() {
    }

    /** The field's value for a page that shows all of {@code board}. */
    static String shown(ScoreBoard board) {
        return encode(fingerprints(board));
    }

    /** What to send back when the page shows {@code shownBefore} and the form now scores as {@code board}. */
    static Answer answer(ScoreBoard board, String shownBefore) {
        Map<String, String> now = fingerprints(board);
        Map<String, String> before = decode(shownBefore);
        List<ScoreBoard.Row> rows = new ArrayList<>();
        for (ScoreBoard.Row r : board.rows()) {
            if (changed(now, before, Integer.toString(r.position()))) {
                rows.add(r);
            }
        }
        return new Answer(changed(now, before, TOTAL), changed(now, before, BOARD), changed(now, before, FINDINGS),
                changed(now, before, FUNDS), List.copyOf(rows), encode(now));
    }

    private static boolean changed(Map<String, String> now, Map<String, String> before, String part) {
        return !now.get(part).equals(before.get(part));
    }

    private static Map<String, String> fingerprints(ScoreBoard board) {
        Map<String, String> out = new LinkedHashMap<>();
        int problems = board.findings().size() + board.violations().size();
        out.put(TOTAL, fingerprint(board.total(), board.maxPoints(), board.grade(), problems));
        List<Object> b = new ArrayList<>(List.of(board.regimeId(), board.regimeName(), board.regimeReason(),
                board.ownRegime(), board.maxPoints(), board.total(), board.complete(), board.grade(),
                board.gradeTrace()));
        b.add(board.budgetExecutionPoints());
        b.add(board.budgetExecutionScore());
        b.add(board.budgetExecutionRecordedScore());
        b.add(board.budgetExecutionTrace());
        b.add(board.recordedTotal());
        for (ScoreBoard.CategoryScore c : board.categories()) {
            b.add(c.name());
            b.add(c.points());
            b.add(c.score());
        }
        out.put(BOARD, fingerprint(b.toArray()));
        List<Object> f = new ArrayList<>();
        for (Violation v : board.violations()) {
            f.add(v.path());
            f.add(v.code());
            f.add(v.message());
        }
        for (FindingLine l : board.findings()) {
            f.add(l.severity().name());
            f.add(l.code());
            f.add(l.message());
            f.add(l.rowPosition());
            f.add(l.location());
        }
        out.put(FINDINGS, fingerprint(f.toArray()));
        out.put(FUNDS, fingerprint(board.violations().stream().filter(v -> !v.path().startsWith("rows["))
                .map(Violation::message).toArray()));
        for (ScoreBoard.Row r : board.rows()) {
            out.put(Integer.toString(r.position()), fingerprint(r.finalScore(), r.recordedDiffers(), r.statusLabel(),
                    r.trace(), r.band(), r.reasonRequired()));
        }
        return out;
    }

    /** 64 bits of the SHA-256 of the values as the page prints them, each ended by a character text never holds. */
    private static String fingerprint(Object... values) {
        StringBuilder text = new StringBuilder(256);
        for (Object v : values) {
            text.append(v instanceof BigDecimal d ? d.toString() : String.valueOf(v)).append('\u0000');
        }
        byte[] digest = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String encode(Map<String, String> parts) {
        StringBuilder out = new StringBuilder(parts.size() * 16);
        parts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ".").append(k).append(':').append(v));
        return out.toString();
    }

    /** The posted field read back; anything unreadable is an empty map (every part is sent). */
    private static Map<String, String> decode(String shown) {
        Map<String, String> out = new HashMap<>();
        if (shown == null || shown.length() > MAX_LENGTH) {
            return out;
        }
        for (String part : shown.split("\\.")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                return new HashMap<>();
            }
            out.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return out;
    }
}
