package cn.perf.reports.xlsx;

import cn.perf.domain.shared.FiscalYear;
import cn.perf.domain.shared.Money;
import cn.perf.reports.xlsx.SheetCells.Box;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValue;
import cn.perf.scoring.target.TargetValueParser;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the readers of every form share: fields found by their labels, values read as the page's form object reads
 * them (amounts in 万元, 是/否, dates, scores), and the problems found, each at its Excel row. A value that cannot be
 * read is a blocking problem and is read as blank, so every problem of the file is reported at once.
 */
abstract class FormReading {

    private static final TargetValueParser TARGETS = new TargetValueParser();
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*日?");
    static final Pattern YEAR_NOTE = Pattern.compile("[（(]\\s*(\\d{4})\\s*年度\\s*[)）]");

    final SheetCells cells;
    final String title;
    final List<ImportProblem> problems = new ArrayList<>();
    final Map<String, Integer> rows = new HashMap<>();

    FormReading(SheetCells cells, String title) {
        this.cells = cells;
        this.title = title;
    }

    // ------------------------------------------------------------------ finding fields

    /** The box printing {@code label}; a blocking problem when the file has none. */
    Optional<Box> label(String label) {
        Optional<Box> b = cells.first(label);
        if (b.isEmpty()) {
            missing(label);
        }
        return b;
    }

    void missing(String label) {
        problems.add(ImportProblem.error(0, label, "missingLabel", "表中找不到“" + label + "”一栏：请使用本系统导出的模板",
                label));
    }

    /** The value right of {@code label}, its row recorded for {@code path}; null when the label is missing. */
    Box right(String label, String path) {
        return label(label).map(b -> {
            rows.put(path, b.excelRow());
            return cells.rightOf(b);
        }).orElse(null);
    }

    /** The value under {@code label} (a header over its value), its row recorded for {@code path}. */
    Box below(String label, String path) {
        return label(label).map(b -> {
            Box v = cells.below(b);
            rows.put(path, v.excelRow());
            return v;
        }).orElse(null);
    }

    /** The value under {@code label}, looked up within rows {@code from}–{@code to} (a label printed twice). */
    Box belowWithin(String label, int from, int to, String path) {
        Optional<Box> b = cells.firstWithin(label, from, to);
        if (b.isEmpty()) {
            missing(label);
            return null;
        }
        Box v = cells.below(b.get());
        rows.put(path, v.excelRow());
        return v;
    }

    /** The box reading {@code label} that begins in row {@code r}. */
    Optional<Box> inRow(int r, String label) {
        return cells.find(label).stream().filter(b -> b.firstRow() == r).findFirst();
    }

    /**
     * The body rows of a table whose header ends in row {@code headerLastRow}: from the next row on, while the box in
     * {@code anchorCol} continues from above, is blank, or reads what {@code own} accepts (the table's own label
     * merged over its rows); a box there beginning with another text (the next section, 合计, 总分) ends the table.
     * Rows blank in every column of {@code cols} are skipped.
     */
    List<Integer> body(int headerLastRow, int anchorCol, Predicate<String> own, int... cols) {
        List<Integer> out = new ArrayList<>();
        for (int r = headerLastRow + 1; r <= cells.lastRow(); r++) {
            Box a = cells.at(r, anchorCol);
            if (a.firstRow() == r && !a.blank() && !own.test(a.normalized())) {
                break;
            }
            boolean filled = false;
            for (int c : cols) {
                Box b = cells.at(r, c);
                if (b.firstRow() == r && !b.blank()) {
                    filled = true;
                    break;
                }
            }
            if (filled) {
                out.add(r);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ values

    /** Text as filed: stripped, null when blank. */
    static String text(Box b) {
        if (b == null || b.blank()) {
            return null;
        }
        return b.text().strip();
    }

    /** Text or "" (targets and actual values, which the domain keeps as "" when empty). */
    static String textOrEmpty(Box b) {
        String t = text(b);
        return t == null ? "" : t;
    }

    /** An amount in 万元; blank is null; anything else than a number is a blocking problem (read as blank). */
    Money money(Box b, String field) {
        BigDecimal v = decimal(b, field, "amount", "无法识别金额“%s”（应为数字，单位万元）");
        if (v == null) {
            return null;
        }
        try {
            return Money.ofWan(v);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.error(b.excelRow(), field, "amount", "无法识别金额“" + b.text().strip()
                    + "”（应为数字，单位万元）", b.text().strip()));
            return null;
        }
    }

    /** A number in 万元 for the self-evaluation's funds; blank is null. */
    BigDecimal wan(Box b, String field) {
        return decimal(b, field, "amount", "无法识别金额“%s”（应为数字，单位万元）");
    }

    /** A score (自评分, 得分); blank is null. */
    BigDecimal score(Box b, String field) {
        return decimal(b, field, "score", "无法识别分数“%s”（应为数字）");
    }

    private BigDecimal decimal(Box b, String field, String code, String message) {
        if (b == null || b.blank()) {
            return null;
        }
        if (b.number() != null) {
            return b.number();
        }
        String t = b.text().strip().replace(",", "").replace("，", "");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(ImportProblem.error(b.excelRow(), field, code, String.format(message, b.text().strip()),
                    b.text().strip()));
            return null;
        }
    }

    /** 是 / 否; blank is null. */
    Boolean yesNo(Box b, String field) {
        String t = text(b);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "是" -> Boolean.TRUE;
            case "否" -> Boolean.FALSE;
            default -> {
                problems.add(ImportProblem.error(b.excelRow(), field, "yesNo", "应填“是”或“否”，现为“" + t + "”", t));
                yield null;
            }
        };
    }

    /** A date: a date cell, or 2019年12月2日 / 2019-12-02 / 2019/12/2 / 2019.12.2; blank is null. */
    LocalDate date(Box b, String field) {
        if (b == null || b.blank()) {
            return null;
        }
        if (b.date() != null) {
            return b.date();
        }
        return date(b.text(), b.excelRow(), field);
    }

    LocalDate date(String text, int row, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DATE.matcher(text.strip());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problems.add(ImportProblem.error(row, field, "date", "无法识别日期“" + text.strip() + "”（如 2021年3月1日）",
                text.strip()));
        return null;
    }

    /** A year such as 2021 (a number or text); a blocking problem otherwise. */
    Integer year(Box b, String field) {
        if (b == null) {
            return null;
        }
        String t = b.number() != null ? b.number().stripTrailingZeros().toPlainString() : b.text().strip();
        if (t.matches("\\d{4}")) {
            try {
                return FiscalYear.of(Integer.parseInt(t)).value();
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.error(b.excelRow(), field, "invalid", e.getMessage(), e.getMessage()));
                return null;
            }
        }
        problems.add(ImportProblem.error(b.excelRow(), field, "year", "无法识别年度“" + t + "”（如 2021）", t));
        return null;
    }

    /** The year of a subtitle such as （2020年度）, or a blocking problem. */
    Integer yearNote() {
        for (Box b : cells.boxes()) {
            Matcher m = YEAR_NOTE.matcher(b.text().strip());
            if (m.matches()) {
                rows.put("year", b.excelRow());
                try {
                    return FiscalYear.of(Integer.parseInt(m.group(1))).value();
                } catch (IllegalArgumentException e) {
                    problems.add(ImportProblem.error(b.excelRow(), "年度", "invalid", e.getMessage(), e.getMessage()));
                    return null;
                }
            }
        }
        problems.add(ImportProblem.error(0, "年度", "missingLabel", "表中找不到年度（如“（2020年度）”）", "年度"));
        return null;
    }

    /**
     * A notice when a 目标值 / 实际完成值 cannot be read by the scoring's parser — unreadable text, or an approximate
     * number (约35个), which is never read as an exact one; the text is kept as filed (a page saves it so too).
     */
    void checkValue(int row, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip();
        ParseResult r = TARGETS.parse(t);
        if (r instanceof ParseResult.Rejected rejected) {
            problems.add(ImportProblem.notice(row, field, "target", "无法识别“" + t + "”：" + rejected.reason(), t,
                    rejected.reason()));
        } else if (r instanceof ParseResult.Parsed p && p.parsed() instanceof TargetValue.Quantitative q
                && q.isApproximate()) {
            problems.add(ImportProblem.notice(row, field, "approximate", "无法识别“" + t + "”：“" + q.approximation()
                    + "”表示约数，不是确切的值", t, q.approximation()));
        }
    }

    /** The text after the first colon of a line such as 填报单位（盖章）：XX局. */
    static String afterColon(String s) {
        int i = s.indexOf('：');
        int j = s.indexOf(':');
        int k = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        String rest = k < 0 ? "" : s.substring(k + 1).strip();
        return rest.isEmpty() ? null : rest;
    }
}
