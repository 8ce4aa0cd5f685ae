package cn.perf.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.view.FormView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden tests (DESIGN.md §9): the PDF of each seed form, read back with {@code pdftotext}, contains every value the
 * seed prints — each tab-separated cell of the seed's text, compared without white space (the seeds are text
 * extractions of the real PDFs: cells are wrapped and split at random) and with full-width brackets, colons and
 * commas read as their ASCII forms. Where the extraction of the real PDF glued several cells together or added
 * markup, the cell is replaced by its parts, each listed here with the reason. The section labels must also come in
 * the seed's order. Each PDF is left in {@code target/seed-pdfs/} for a look.
 */
class SeedPdfGoldenTest {

    static final PdfRenderer RENDERER = new PdfRenderer();

    @Test
    void seed000() throws IOException {
        check("000_57bd61bbdfc73fb6.txt", DeclarationViews.of(SeedForms.seed000()), Map.of(
                // the extraction of the real PDF doubled the unit code
                "001239001239 苏州市城市管理局", List.of("001239 苏州市城市管理局")));
    }

    @Test
    void seed001() throws IOException {
        check("001_d061c36c742e9f2b.txt", DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History()),
                Map.of("001276001276 苏州市住房和城乡建设局", List.of("001276 苏州市住房和城乡建设局")));
    }

    @Test
    void seed002() throws IOException {
        check("002_74ff42f95867ce14.txt", EvaluationViews.of(SeedForms.seed002()), Map.of());
    }

    @Test
    void seed003() throws IOException {
        String seed = SeedForms.resource("seeds/003_438dc74306bca1aa.txt");
        String funds = cells(seed).stream().filter(c -> c.startsWith("资金总额")).findFirst().orElseThrow();
        check("003_438dc74306bca1aa.txt", DeclarationViews.of(SeedForms.seed003()), Map.of(
                // the number of the table in the bundle the seed was printed from, not a field of the form
                "表6", List.of(),
                // 项目属性: the two check boxes (HTML inputs in the extraction) are printed as ■ and □
                "新增项目 延续项目", List.of("新增项目", "延续项目"),
                // the extraction glued 项目资金申请 and the start of 项目单位职能概述 into one cell
                funds.replaceAll("\\s+", " "), List.of("资金总额", "350.00", "财政拨款", "自有资金", "1、事业收入", "2、经营性收入", "3、其他",
                        funds.substring(funds.indexOf("二、")))));
    }

    /** No seed prints a national 自评表: the one made from seed 003's indicators holds every value it was given. */
    @Test
    void national2020() throws IOException {
        cn.perf.domain.evaluation.SelfEvaluationDetail e = SeedForms.national2020();
        FormView view = EvaluationViews.of(e);
        byte[] pdf = RENDERER.render(view);
        Path out = Path.of("target", "seed-pdfs", "national-2020.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        String flat = flat(Poppler.body(Poppler.pdftotext(pdf, "-raw"), view.header()));
        List<String> expected = new ArrayList<>(List.of("项目支出绩效自评表", "(2020年度)", e.projectName(), e.unitName(),
                e.departmentName(), "年度资金总额", "其中:本年财政拨款", "上年结转资金", "其他资金", "350.00", "332.50", "95.00%",
                "10.00", "9.50", "预期目标", "实际完成情况", "总分", "100.00", "李长洋", "王常磊", "2021年2月26日"));
        expected.addAll(cn.perf.domain.shared.Paragraphs.of(e.annualGoal()));
        expected.addAll(cn.perf.domain.shared.Paragraphs.of(e.report().goalAchievement()));
        for (var r : e.indicators()) {
            expected.addAll(List.of(r.category(), r.subCategory(), r.name(), r.target(), r.actual()));
            if (r.deviationReason() != null) {
                expected.add(r.deviationReason());
            }
        }
        expected.add(e.computedTotal() == null ? "尚有指标待审核人评分" : e.computedTotal().toPlainString());
        assertThat(expected.stream().filter(x -> !flat.contains(flat(x))).toList()).as("values missing").isEmpty();
    }

    private static void check(String seedFile, FormView view, Map<String, List<String>> replaced) throws IOException {
        byte[] pdf = RENDERER.render(view);
        Path out = Path.of("target", "seed-pdfs", seedFile.substring(0, 3) + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        String text = Poppler.pdftotext(pdf, "-raw");
        Files.writeString(out.resolveSibling(seedFile.substring(0, 3) + ".txt"), text);
        String flat = flat(Poppler.body(text, view.header()));
        List<String> missing = new ArrayList<>();
        for (String cell : cells(SeedForms.resource("seeds/" + seedFile))) {
            for (String expected : replaced.getOrDefault(cell.replaceAll("\\s+", " "), List.of(cell))) {
                if (!flat.contains(flat(expected))) {
                    missing.add(expected);
                }
            }
        }
        assertThat(missing).as("values of seed %s missing from the PDF's text", seedFile).isEmpty();
    }

    /** Every non-empty cell of the seed, markup removed. */
    static Set<String> cells(String seed) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : seed.lines().toList()) {
            for (String cell : line.split("\t")) {
                String c = cell.replaceAll("<[^>]*>", " ").strip();
                if (!c.isEmpty() && !c.matches("-+")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Without white space, full-width punctuation as ASCII. */
    static String flat(String s) {
        return s.replaceAll("[\\s\\u3000]+", "").replace('（', '(').replace('）', ')').replace('：', ':')
                .replace('，', ',').replace('；', ';');
    }
}
