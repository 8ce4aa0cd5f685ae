package cn.perf.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.view.FormView;
import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Kind;
import cn.perf.reports.view.FormView.Note;
import cn.perf.reports.view.FormView.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The .xlsx of each seed form, read back with POI. */
class XlsxRendererTest {

    private static final DataFormatter FORMAT = new DataFormatter();

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000", (Supplier<FormView>) () -> DeclarationViews.of(SeedForms.seed000())),
                Arguments.of("001", (Supplier<FormView>) () -> DeclarationViews.of(SeedForms.seed001(),
                        SeedForms.seed001History())),
                Arguments.of("002", (Supplier<FormView>) () -> EvaluationViews.of(SeedForms.seed002())),
                Arguments.of("003", (Supplier<FormView>) () -> DeclarationViews.of(SeedForms.seed003())),
                Arguments.of("national-2020", (Supplier<FormView>) () -> EvaluationViews.of(SeedForms.national2020())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyTextOfTheFormIsInTheWorkbook(String name, Supplier<FormView> seed) throws IOException {
        FormView view = seed.get();
        byte[] bytes = new XlsxRenderer().render(view);
        Path dir = Path.of("target", "seed-xlsx");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".xlsx"), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = wb.getSheetAt(0);
            Set<String> texts = new HashSet<>();
            for (XSSFCell c : cells(sheet)) {
                texts.add(FORMAT.formatCellValue(c));
            }
            List<String> expected = texts(view);
            assertThat(expected).isNotEmpty();
            assertThat(texts).containsAll(expected);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(view.title());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void numbersAreNumericCellsWithTwoDecimals(String name, Supplier<FormView> seed) throws IOException {
        FormView view = seed.get();
        List<BigDecimal> expected = new ArrayList<>();
        for (Cell c : cells(view)) {
            if (XlsxRenderer.numeric(c) != null) {
                expected.add(c.number().setScale(2, RoundingMode.HALF_UP));
            }
        }
        assertThat(expected).as("the form has numbers").isNotEmpty();
        try (XSSFWorkbook wb = read(view)) {
            List<BigDecimal> numbers = new ArrayList<>();
            for (XSSFCell c : cells(wb.getSheetAt(0))) {
                if (c.getCellType() == CellType.NUMERIC) {
                    numbers.add(BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
                    assertThat(c.getCellStyle().getDataFormatString()).isIn("0.00", "0.00\\%");
                    assertThat(c.getCellStyle().getAlignment())
                            .isEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
                }
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void spannedCellsAreMergedRegions(String name, Supplier<FormView> seed) throws IOException {
        FormView view = seed.get();
        try (XSSFWorkbook wb = read(view)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<CellRangeAddress> regions = sheet.getMergedRegions();
            int lastColumn = regions.stream().mapToInt(CellRangeAddress::getLastColumn).max().orElseThrow();
            assertThat(regions).as("the title across the form")
                    .anyMatch(r -> r.getFirstRow() == 0 && r.getFirstColumn() == 0 && r.getLastColumn() == lastColumn);
            int spanned = 0;
            for (Cell c : cells(view)) {
                if (c.text().isEmpty() || (c.rowSpan() == 1 && c.colSpan() == 1)) {
                    continue;
                }
                spanned++;
                assertThat(regions).as("“%s” over %d rows, %d columns", c.text(), c.rowSpan(), c.colSpan())
                        .anyMatch(r -> r.getLastRow() - r.getFirstRow() + 1 == c.rowSpan()
                                && r.getLastColumn() - r.getFirstColumn() + 1 >= c.colSpan()
                                && c.text().equals(FORMAT.formatCellValue(
                                        sheet.getRow(r.getFirstRow()).getCell(r.getFirstColumn()))));
            }
            assertThat(spanned).isPositive();
            // every cell of a spanned grid cell carries the borders (so the merged region is boxed)
            for (CellRangeAddress r : regions) {
                XSSFCell first = sheet.getRow(r.getFirstRow()).getCell(r.getFirstColumn());
                if (first.getCellStyle().getBorderTop() != org.apache.poi.ss.usermodel.BorderStyle.NONE) {
                    XSSFCell corner = sheet.getRow(r.getLastRow()).getCell(r.getLastColumn());
                    assertThat(corner).isNotNull();
                    assertThat(corner.getCellStyle().getBorderRight()).isEqualTo(first.getCellStyle().getBorderRight());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void printsOnA4PortraitOnePageWide(String name, Supplier<FormView> seed) throws IOException {
        try (XSSFWorkbook wb = read(seed.get())) {
            XSSFSheet sheet = wb.getSheetAt(0);
            PrintSetup ps = sheet.getPrintSetup();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(ps.getLandscape()).isFalse();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isEqualTo((short) 0);
            assertThat(wb.getPrintArea(0)).isNotNull().contains("$A$1:");
            assertThat(sheet.getFooter().getCenter()).contains("页");
        }
    }

    @Test
    void theBiggestFormKeepsAHandfulOfStylesAndTheDefaultFont() throws IOException {
        try (XSSFWorkbook wb = read(EvaluationViews.of(SeedForms.seed002()))) {
            assertThat(wb.getNumCellStyles()).isLessThan(30);
            assertThat(wb.getNumberOfFonts()).isLessThan(10);
            XSSFCell label = firstOfKind(wb.getSheetAt(0), true);
            assertThat(wb.getFontAt(label.getCellStyle().getFontIndex()).getFontName()).isEqualTo("宋体");
            assertThat(wb.getFontAt(label.getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void aConfiguredFontNameIsUsed() throws IOException {
        byte[] bytes = new XlsxRenderer("仿宋_GB2312").render(DeclarationViews.of(SeedForms.seed000()));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFCell cell = wb.getSheetAt(0).getRow(0).getCell(0);
            assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getFontName()).isEqualTo("仿宋_GB2312");
        }
    }

    @Test
    void aHeadingOnANewPageBreaksThePageAndTheReviewHistoryFollows() throws IOException {
        FormView view = DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History());
        Heading history = view.blocks().stream().filter(b -> b instanceof Heading h && h.newPage())
                .map(Heading.class::cast).findFirst().orElseThrow();
        try (XSSFWorkbook wb = read(view)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int headingRow = -1;
            for (XSSFCell c : cells(sheet)) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(history.text())) {
                    headingRow = c.getRowIndex();
                }
            }
            assertThat(headingRow).isPositive();
            assertThat(sheet.getRowBreaks()).contains(headingRow - 1);
            XSSFCell heading = sheet.getRow(headingRow).getCell(0);
            assertThat(wb.getFontAt(heading.getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void labelsAreBoldShadedCentredAndTextBlocksWrapWithTallerRows() throws IOException {
        try (XSSFWorkbook wb = read(DeclarationViews.of(SeedForms.seed000()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            XSSFCell label = firstOfKind(sheet, true);
            assertThat(label.getCellStyle().getFillForegroundColorColor()).isNotNull();
            assertThat(label.getCellStyle().getAlignment())
                    .isEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            float tallest = 0;
            for (XSSFCell c : cells(sheet)) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().length() > 200) {
                    assertThat(c.getCellStyle().getWrapText()).isTrue();
                    tallest = Math.max(tallest, sheet.getRow(c.getRowIndex()).getHeightInPoints());
                }
            }
            assertThat(tallest).isGreaterThan(60f);
            for (int col = 0; col < 3; col++) {
                assertThat(sheet.getColumnWidth(col)).isPositive();
            }
        }
    }

    @Test
    void columnsOfEveryGridMapOntoTheSheet() {
        assertThat(XlsxRenderer.unitBoundaries(List.of(1f, 3f, 1f, 3f), 48)).containsExactly(0, 6, 24, 30, 48);
        assertThat(XlsxRenderer.unitBoundaries(List.of(100f, 0.01f, 0.01f), 48)).containsExactly(0, 46, 47, 48);
    }

    @Test
    void theCallersStreamIsLeftOpen() {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new XlsxRenderer().render(DeclarationViews.of(SeedForms.seed003()), out);
        assertThat(closed[0]).isFalse();
        assertThat(((ByteArrayOutputStream) out).size()).isPositive();
    }

    // ------------------------------------------------------------------ helpers

    private static XSSFWorkbook read(FormView view) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(new XlsxRenderer().render(view)));
    }

    private static XSSFCell firstOfKind(XSSFSheet sheet, boolean bold) {
        for (XSSFCell c : cells(sheet)) {
            if (c.getRowIndex() > 1 && c.getCellType() == CellType.STRING
                    && sheet.getWorkbook().getFontAt(c.getCellStyle().getFontIndex()).getBold() == bold
                    && c.getCellStyle().getBorderTop() != org.apache.poi.ss.usermodel.BorderStyle.NONE) {
                return c;
            }
        }
        throw new AssertionError("no cell");
    }

    private static List<XSSFCell> cells(XSSFSheet sheet) {
        List<XSSFCell> cells = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell c : row) {
                cells.add((XSSFCell) c);
            }
        }
        return cells;
    }

    private static List<Cell> cells(FormView view) {
        List<Cell> cells = new ArrayList<>();
        for (Block b : view.blocks()) {
            if (b instanceof Grid g) {
                for (Row r : g.headerRows()) {
                    cells.addAll(r.cells());
                }
                for (Row r : g.rows()) {
                    cells.addAll(r.cells());
                }
            }
        }
        return cells;
    }

    /** Every text the view prints: title, subtitle, headings, notes, captions, cells. */
    private static List<String> texts(FormView view) {
        List<String> texts = new ArrayList<>();
        texts.add(view.title());
        if (!view.subtitle().isEmpty()) {
            texts.add(view.subtitle());
        }
        for (Block b : view.blocks()) {
            if (b instanceof Heading h) {
                texts.add(h.text());
            } else if (b instanceof Note n) {
                texts.add(n.text());
            } else if (b instanceof Grid g && !g.caption().isEmpty()) {
                texts.add(g.caption());
            }
        }
        for (Cell c : cells(view)) {
            if (!c.text().isEmpty()) {
                texts.add(c.text());
            }
        }
        return texts;
    }
}
