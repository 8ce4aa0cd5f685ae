package cn.perf.domain.evaluation;

import cn.perf.scoring.check.Severity;
import cn.perf.scoring.trace.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * 与批复的申报表一致 (DESIGN.md §3.3: "targets or indicators that differ from the approved 申报表"): a pure policy
 * that compares a self-evaluation with the {@link DeclarationCarryOver} its approved declaration gives today
 * ({@link SelfEvaluationService#differencesFromDeclaration}) and reports every difference as a WARNING
 * {@value #CODE} finding, never correcting anything. A form started here ({@link SelfEvaluation#fromDeclaration})
 * agrees until someone changes one side; an imported form, or data changed behind the aggregate's back, may not.
 *
 * <h2>What is compared</h2>
 * <ul>
 *   <li>Categories (类别 / 一级指标) by name: one missing from the form, one the declaration does not have, and
 *       points (分值) that differ.</li>
 *   <li>Indicator rows: 类别, 二级指标, 指标名称 and 目标值 (original texts; white space is not a difference), and 权重. On the
 *       Suzhou form the 投入 rows are left out on both sides: they are the common-indicator library's rows of the
 *       project type, not the declaration's ({@link SelfEvaluationService#carryOver}).</li>
 * </ul>
 * Rows are paired, not compared by position, so one inserted row does not make every later row "different": first
 * by 类别 and 指标名称, then by 指标名称 alone (the category changed), then, within a category, in printed order (the
 * name changed). What is left is a row added to the form (on its row) or missing from it (on its category).
 *
 * <h2>Findings</h2>
 * Severity WARNING, code {@value #CODE}; a row's finding has {@code rowPosition} = the form's row and location
 * "第N行 指标名称"; the message names both values, e.g. 目标值“≥30个”与批复的申报表“≥35个”不一致. Order: categories,
 * then rows in printed order, then rows missing from the form in the declaration's order.
 */
public final class CarryOverCheck {

    /** The code of a difference from the approved declaration. */
    public static final String CODE = "DIFFERS_FROM_DECLARATION";

    /** The code of the note that the form could not be compared with its declaration (and why). */
    public static final String NOT_COMPARED_CODE = "DECLARATION_NOT_COMPARED";

    private static final String INPUT_CATEGORY = "投入";
    private static final List<String> CATEGORY_SUFFIXES = List.of("指标", "目标");
    private static final String DECLARED = "批复的申报表";

    private CarryOverCheck() {
    }

    /**
     * Every difference between {@code evaluation} and what {@code declared} (the carry-over of its approved
     * declaration) says it should be; empty when they agree.
     */
    public static List<ScoringOutcome.FindingLine> differences(DeclarationCarryOver declared,
                                                               SelfEvaluation evaluation) {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(evaluation, "evaluation");
        List<ScoringOutcome.FindingLine> out = new ArrayList<>();
        categories(declared.categories(), evaluation.categories(), out);
        boolean suzhou = declared.layout() == EvaluationLayout.SUZHOU_2017;
        List<IndicatorLine> wanted = declared.indicators().stream()
                .filter(i -> !(suzhou && isInput(i.category()))).toList();
        List<EvaluationIndicator> filed = evaluation.indicators().stream()
                .filter(i -> !(suzhou && isInput(i.category()))).toList();
        rows(wanted, filed, out);
        return out;
    }

    /** An INFO finding saying the form was not compared with its declaration, and why (Chinese). */
    public static ScoringOutcome.FindingLine notCompared(String reason) {
        return new ScoringOutcome.FindingLine(Severity.INFO, NOT_COMPARED_CODE, reason, null, "申报表");
    }

    // ------------------------------------------------------------------ categories

    private static void categories(List<CategoryLine> wanted, List<EvaluationCategory> filed,
                                   List<ScoringOutcome.FindingLine> out) {
        for (CategoryLine w : wanted) {
            EvaluationCategory f = filed.stream().filter(c -> c.name().equals(w.name())).findFirst().orElse(null);
            if (f == null) {
                out.add(sheet(w.name() + "类", "自评表缺少" + DECLARED + "中的指标类别“" + w.name() + "”（"
                        + Numbers.plain(w.points()) + " 分）"));
            } else if (f.points().compareTo(w.points()) != 0) {
                out.add(sheet(f.name() + "类", "分值 " + Numbers.plain(f.points()) + " 与" + DECLARED + "的 "
                        + Numbers.plain(w.points()) + " 不一致"));
            }
        }
        for (EvaluationCategory f : filed) {
            if (wanted.stream().noneMatch(w -> w.name().equals(f.name()))) {
                out.add(sheet(f.name() + "类", DECLARED + "中没有指标类别“" + f.name() + "”（自评表中 "
                        + Numbers.plain(f.points()) + " 分）"));
            }
        }
    }

    // ------------------------------------------------------------------ rows

    private static void rows(List<IndicatorLine> wanted, List<EvaluationIndicator> filed,
                             List<ScoringOutcome.FindingLine> out) {
        int[] match = new int[filed.size()];
        Arrays.fill(match, -1);
        boolean[] used = new boolean[wanted.size()];
        pair(wanted, filed, match, used, (w, f) -> w.category().equals(f.category()) && sameText(w.name(), f.name()));
        pair(wanted, filed, match, used, (w, f) -> sameText(w.name(), f.name()));
        pair(wanted, filed, match, used, (w, f) -> w.category().equals(f.category()));
        for (int k = 0; k < filed.size(); k++) {
            EvaluationIndicator f = filed.get(k);
            if (match[k] < 0) {
                out.add(row(f, DECLARED + "中没有此指标（" + f.category() + "，目标值“" + f.target().originalText()
                        + "”）"));
            } else {
                compare(wanted.get(match[k]), f, out);
            }
        }
        for (int j = 0; j < wanted.size(); j++) {
            if (!used[j]) {
                IndicatorLine w = wanted.get(j);
                out.add(sheet(w.category() + "类", "自评表缺少" + DECLARED + "中的指标“" + w.name() + "”（目标值“"
                        + w.target().originalText() + "”）"));
            }
        }
    }

    /** Pairs every still unpaired form row with the first unused declared row that {@code same} accepts. */
    private static void pair(List<IndicatorLine> wanted, List<EvaluationIndicator> filed, int[] match,
                             boolean[] used, BiPredicate<IndicatorLine, EvaluationIndicator> same) {
        for (int k = 0; k < filed.size(); k++) {
            if (match[k] >= 0) {
                continue;
            }
            for (int j = 0; j < wanted.size(); j++) {
                if (!used[j] && same.test(wanted.get(j), filed.get(k))) {
                    match[k] = j;
                    used[j] = true;
                    break;
                }
            }
        }
    }

    private static void compare(IndicatorLine w, EvaluationIndicator f, List<ScoringOutcome.FindingLine> out) {
        if (!w.category().equals(f.category())) {
            out.add(row(f, "类别“" + f.category() + "”与" + DECLARED + "“" + w.category() + "”不一致"));
        }
        if (!sameText(w.name(), f.name())) {
            out.add(row(f, "指标名称“" + f.name() + "”与" + DECLARED + "“" + w.name() + "”不一致"));
        }
        if (!Objects.equals(w.subCategory(), f.subCategory())) {
            out.add(row(f, "二级指标" + quoted(f.subCategory()) + "与" + DECLARED + quoted(w.subCategory()) + "不一致"));
        }
        String target = f.target().originalText();
        String declaredTarget = w.target().originalText();
        if (!sameText(target, declaredTarget)) {
            out.add(row(f, "目标值“" + target.strip() + "”与" + DECLARED + "“" + declaredTarget.strip() + "”不一致"));
        }
        if (!weightsEqual(w.weight(), f.weight())) {
            out.add(row(f, "权重 " + Numbers.plain(f.weight()) + " 与按" + DECLARED + "结转的权重 "
                    + Numbers.plain(w.weight()) + " 不一致"));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** 投入, also written 投入目标 / 投入指标. */
    static boolean isInput(String category) {
        if (INPUT_CATEGORY.equals(category)) {
            return true;
        }
        return CATEGORY_SUFFIXES.stream().anyMatch(s -> category.equals(INPUT_CATEGORY + s));
    }

    private static boolean weightsEqual(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Equal but for white space (a wrapped name, "≥35 个" / "≥35个"). */
    private static boolean sameText(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    private static String quoted(String s) {
        return s == null ? "（空）" : "“" + s + "”";
    }

    private static ScoringOutcome.FindingLine row(EvaluationIndicator f, String message) {
        return new ScoringOutcome.FindingLine(Severity.WARNING, CODE, message, f.position(),
                "第" + f.position() + "行 " + f.name());
    }

    private static ScoringOutcome.FindingLine sheet(String location, String message) {
        return new ScoringOutcome.FindingLine(Severity.WARNING, CODE, message, null, location);
    }
}
