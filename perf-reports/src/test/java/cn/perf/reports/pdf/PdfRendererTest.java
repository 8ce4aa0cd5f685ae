package cn.perf.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.view.FormView;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Row;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printing rules of {@link PdfRenderer}, checked on the PDF a reader gets (poppler-utils): the font embedded
 * and subset, no line starting with closing punctuation, "第 N 页 共 M 页" on every page, header rows on every
 * continuation page, rows kept whole, long text blocks flowing on.
 */
class PdfRendererTest {

    static final PdfRenderer RENDERER = new PdfRenderer();

    static Map<String, FormView> seeds() {
        Map<String, FormView> views = new LinkedHashMap<>();
        views.put("000", DeclarationViews.of(SeedForms.seed000()));
        views.put("001", DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History()));
        views.put("002", EvaluationViews.of(SeedForms.seed002()));
        views.put("003", DeclarationViews.of(SeedForms.seed003()));
        views.put("national-2020", EvaluationViews.of(SeedForms.national2020()));
        return views;
    }

    // ------------------------------------------------------------------ font

    @Test
    void theChineseFontIsEmbeddedAsASubsetWithAToUnicodeMap() {
        byte[] pdf = RENDERER.render(DeclarationViews.of(SeedForms.seed000()));
        List<String> fonts = Poppler.pdffonts(pdf).lines().skip(2).toList();
        assertThat(fonts).as("one font for the whole form").hasSize(1);
        assertThat(fonts.get(0)).matches("[A-Z]{6}\\+NotoSansSC-Regular\\s+CID TrueType\\s+Identity-H\\s+yes yes yes.*");
    }

    @Test
    void seed000StaysUnder150KilobytesThanksToTheSubset() {
        assertThat(RENDERER.render(DeclarationViews.of(SeedForms.seed000())).length).isLessThan(150 * 1024);
    }

    @Test
    void theFontIsReadOncePerJvmAndAConfiguredFileMayReplaceIt(@TempDir Path dir) throws IOException {
        assertThat(CjkFonts.notoSansSc()).isSameAs(CjkFonts.notoSansSc());
        Path file = dir.resolve("机关字体.ttf");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CjkFonts.NOTO_SANS_SC)) {
            Files.write(file, in.readAllBytes());
        }
        BaseFont configured = CjkFonts.fromFile(file);
        assertThat(CjkFonts.fromFile(file)).isSameAs(configured);
        assertThat(CjkFonts.configuredOrDefault(null)).isSameAs(CjkFonts.notoSansSc());
        byte[] pdf = new PdfRenderer(configured).render(small("配置字体", "绩效目标"));
        assertThat(flat(Poppler.pdftotext(pdf))).contains("绩效目标");
        assertThatThrownBy(() -> CjkFonts.fromFile(dir.resolve("simsun.ttc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("找不到配置的 PDF 字体文件");
        Path notAFont = Files.writeString(dir.resolve("bad.ttf"), "not a font");
        assertThatThrownBy(() -> CjkFonts.fromFile(notAFont)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PDF 字体文件不可用");
    }

    // ------------------------------------------------------------------ line breaking

    @Test
    void noExtractedLineOfAnySeedStartsWithClosingPunctuation() {
        for (Map.Entry<String, FormView> e : seeds().entrySet()) {
            byte[] pdf = RENDERER.render(e.getValue());
            assertThat(badLineStarts(Poppler.pdftotext(pdf, "-raw"))).as("seed %s (-raw)", e.getKey()).isEmpty();
            assertThat(badLineStarts(Poppler.pdftotext(pdf))).as("seed %s", e.getKey()).isEmpty();
        }
    }

    @Test
    void textWrittenToHitEveryColumnBreaksOnlyWhereChineseTypesettingAllows() throws Exception {
        String text = punctuationEverywhere();
        byte[] pdf = RENDERER.render(new FormView("断行", "", "", List.of(Grid.of(List.of(15f, 85f),
                List.of(Row.of(Cell.label("正文"), Cell.paragraphs(text)))))));
        String extracted = Poppler.pdftotext(pdf, "-raw");
        assertThat(flat(Poppler.body(extracted, ""))).contains(flat(text));
        assertThat(badLineStarts(extracted)).isEmpty();

        // the same text with OpenPDF's own rule does put closing punctuation at the start of lines
        assertThat(badLineStarts(Poppler.pdftotext(withOpenPdfDefaults(text), "-raw")))
                .as("the control: OpenPDF without the rule").isNotEmpty();
    }

    /** Paragraphs whose commas and full stops fall on every position of a line. */
    private static String punctuationEverywhere() {
        StringBuilder s = new StringBuilder();
        for (int n = 1; n <= 40; n++) {
            StringBuilder p = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                p.append("绩".repeat(n % 9 + 1)).append("，").append("效".repeat(n % 5 + 2)).append("（目标）")
                        .append("值".repeat(k + 1)).append("。”");
            }
            s.append(p).append('\n');
        }
        return s.toString().strip();
    }

    private static byte[] withOpenPdfDefaults(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document d = new Document(PageSize.A4, 36, 36, 54, 48);
        PdfWriter.getInstance(d, out);
        d.open();
        PdfPTable t = new PdfPTable(new float[] {15, 85});
        t.setTotalWidth(d.right() - d.left());
        t.setLockedWidth(true);
        com.lowagie.text.Font f = new com.lowagie.text.Font(CjkFonts.notoSansSc(), 9f);
        t.addCell(new PdfPCell(new Paragraph("正文", f)));
        PdfPCell cell = new PdfPCell();
        for (String p : text.split("\n")) {
            Paragraph para = new Paragraph(13.5f, new Chunk(p, f));
            para.setFirstLineIndent(18f);
            cell.addElement(para);
        }
        t.addCell(cell);
        d.add(t);
        d.close();
        return out.toByteArray();
    }

    static List<String> badLineStarts(String text) {
        List<String> bad = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (!l.isEmpty() && ChineseLineBreaks.noLineStart(l.charAt(0))) {
                bad.add(l);
            }
        }
        return bad;
    }

    // ------------------------------------------------------------------ pages

    @Test
    void everyPageSaysWhichPageOfHowManyItIs() {
        for (Map.Entry<String, FormView> e : seeds().entrySet()) {
            byte[] pdf = RENDERER.render(e.getValue());
            int pages = Poppler.pages(pdf);
            assertThat(pages).as("seed %s", e.getKey()).isGreaterThan(1);
            for (int i = 1; i <= pages; i++) {
                String page = Poppler.pdftotext(pdf, "-f", String.valueOf(i), "-l", String.valueOf(i));
                assertThat(flat(page)).as("seed %s page %d", e.getKey(), i).contains("第" + i + "页共" + pages + "页");
            }
        }
    }

    @Test
    void theRunningHeaderIsOnEveryPageAndTheTitleOnTheFirst() {
        byte[] pdf = RENDERER.render(DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History()));
        for (int i = 1; i <= Poppler.pages(pdf); i++) {
            String page = flat(Poppler.pdftotext(pdf, "-f", String.valueOf(i), "-l", String.valueOf(i)));
            assertThat(page).contains("2021年度·财政审核通过·苏州市住建局“互联网+监管”");
        }
        assertThat(Poppler.pdfinfo(pdf)).contains("Title:", "苏州市级财政支出项目绩效目标申报表");
    }

    @Test
    void aTablesHeaderRowsRepeatOnEveryPageItContinuesOn() {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(Row.of(Cell.centered(String.valueOf(i)), Cell.text("第" + i + "行的指标"), Cell.number(i + ".00", null)));
        }
        byte[] pdf = RENDERER.render(new FormView("表头", "", "页眉", List.of(new Grid("", List.of(1f, 4f, 2f),
                List.of(Row.of(Cell.label("序号"), Cell.label("指标名称"), Cell.label("分值"))), rows))));
        int pages = Poppler.pages(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (int i = 1; i <= pages; i++) {
            String page = flat(Poppler.pdftotext(pdf, "-raw", "-f", String.valueOf(i), "-l", String.valueOf(i)));
            assertThat(page).as("page %d", i).contains("序号指标名称分值");
        }
    }

    @Test
    void aRowIsNeverSplitAcrossPages() {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(Row.of(Cell.centered(String.valueOf(i)), Cell.text("起" + i + "号" + "考察资金使用规范程度，是否按计划完全使用在指定项目上。"
                    .repeat(2 + i % 3) + "止" + i + "号")));
        }
        byte[] pdf = RENDERER.render(new FormView("整行", "", "", List.of(Grid.of(List.of(1f, 3f), rows))));
        int pages = Poppler.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        Map<String, Integer> pageOf = new LinkedHashMap<>();
        for (int p = 1; p <= pages; p++) {
            String page = flat(Poppler.pdftotext(pdf, "-raw", "-f", String.valueOf(p), "-l", String.valueOf(p)));
            for (int i = 1; i <= 60; i++) {
                for (String mark : List.of("起" + i + "号", "止" + i + "号")) {
                    if (page.contains(mark)) {
                        pageOf.put(mark, p);
                    }
                }
            }
        }
        for (int i = 1; i <= 60; i++) {
            assertThat(pageOf.get("止" + i + "号")).as("row %d ends on the page it starts on", i)
                    .isEqualTo(pageOf.get("起" + i + "号"));
        }
    }

    @Test
    void aLongTextBlockFlowsOntoTheNextPages() {
        StringBuilder block = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            block.append("第").append(i).append("段：数字化城管建设和有效运行是住建部在多个文件中要求和提出的重要事项，也是创城工作的考核项。"
                    + "我区数字化城管工作通过多年努力和积累已形成了较为成熟的运行模式。\n");
        }
        List<Row> rows = List.of(
                Row.of(Cell.label("项目名称"), Cell.text("流式文本")),
                Row.of(Cell.label("项目概况"), Cell.paragraphs(block.toString().strip())),
                Row.of(Cell.label("填报人"), Cell.text("李长洋")));
        byte[] pdf = RENDERER.render(new FormView("长文本", "", "", List.of(Grid.of(List.of(15f, 85f), rows))));
        assertThat(Poppler.pages(pdf)).isGreaterThanOrEqualTo(3);
        String first = flat(Poppler.pdftotext(pdf, "-raw", "-f", "1", "-l", "1"));
        assertThat(first).as("the block starts right under the rows before it").contains("第1段").contains("第10段");
        assertThat(flat(Poppler.body(Poppler.pdftotext(pdf, "-raw"), ""))).contains(flat(block.toString()) + "填报人李长洋");
    }

    // ------------------------------------------------------------------ streams and threads

    @Test
    void theCallersStreamIsLeftOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RENDERER.render(small("流", "内容"), out);
        assertThat(closed[0]).isFalse();
        assertThat(new String(bytes.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void documentsRenderedAtTheSameTimeShareTheFontSafely() throws Exception {
        FormView view = EvaluationViews.of(SeedForms.seed002());
        String alone = flat(Poppler.pdftotext(RENDERER.render(view), "-raw"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                FormView other = i % 2 == 0 ? view : DeclarationViews.of(SeedForms.seed003());
                results.add(pool.submit(() -> RENDERER.render(other)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertThat(flat(Poppler.pdftotext(results.get(i).get(), "-raw"))).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ helpers

    static FormView small(String title, String value) {
        return new FormView(title, "", "", List.of(Grid.of(List.of(1f, 3f), List.of(Row.of(Cell.label("项目"),
                Cell.text(value))))));
    }

    static String flat(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }
}
