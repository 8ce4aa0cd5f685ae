package cn.perf.reports.xlsx;

import cn.perf.reports.view.FormView;
import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Kind;
import cn.perf.reports.view.FormView.Note;
import cn.perf.reports.view.FormView.Row;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Draws any {@link FormView} as one .xlsx sheet laid out like the official form (DESIGN.md §9, issue 10), the Excel
 * twin of {@code cn.perf.reports.pdf.PdfRenderer}: the title merged across the form's width, the subtitle, each
 * {@link Grid} as bordered cells with merged regions for its column and row spans, {@link Heading}s as bold rows
 * (a {@link Heading#newPage()} starts a printed page), {@link Note}s as plain merged rows.
 *
 * <p><b>The sheet's columns.</b> The grids of one form have different column counts (4, 7, 8, 10 …) but the same
 * total width. Each grid's column boundaries are scaled to {@value #UNITS} units of the form's width (rounded, every
 * column at least one unit) and the sheet's columns are the union of all grids' boundaries: a grid column covers one
 * or more sheet columns (merged), so every grid keeps its relative widths to within 1/{@value #UNITS} and no grid is
 * forced onto another's columns. The sheet is {@value #PAGE_CHARS} characters wide in all.
 *
 * <p><b>Cells.</b> {@link Kind#LABEL} bold, light grey, centred; {@link Kind#TEXT} left; {@link Kind#CENTERED}
 * centred; {@link Kind#NUMBER} right-aligned, stored as a number with format {@code 0.00} (or {@code 0.00\%} for a
 * rate printed with %: the value stays 87.9, not 0.879) when its text is exactly that number — a number cell printing more (a filed score with the
 * computed one under it) keeps its text; {@link Kind#PARAGRAPHS} wrapped, top-aligned, the text unchanged (one
 * paragraph per line) so that an import reads back what was exported. Every cell wraps; a row's height is estimated
 * from its texts (a CJK character two widths of "0") up to Excel's maximum of 409 pt.
 *
 * <p><b>Printing.</b> A4 portrait, fit to one page wide, centred, print area the form, the running header and the
 * title in the page header, "第 N 页 共 M 页" in the footer, no grid lines on screen.
 *
 * <p>One workbook has a fixed handful of styles (created once per workbook, never per cell). Font: 宋体 by default,
 * or the configured name (Excel uses it where installed). Thread-safe: each call builds its own workbook.
 */
public final class XlsxRenderer {

    /** The default font name. */
    public static final String DEFAULT_FONT = "宋体";

    /** The form's width in scaling units: every grid's column boundaries are rounded to these. */
    static final int UNITS = 48;

    /** The sheet's total width in characters (Excel column-width units). */
    static final int PAGE_CHARS = 96;

    static final short BODY_POINTS = 10;
    static final float LINE_HEIGHT = 13.5f;
    static final float MAX_ROW_HEIGHT = 409f;

    private final String fontName;

    /** With 宋体. */
    public XlsxRenderer() {
        this(DEFAULT_FONT);
    }

    /** With the font of this name (blank: 宋体). */
    public XlsxRenderer(String fontName) {
        this.fontName = fontName == null || fontName.isBlank() ? DEFAULT_FONT : fontName.strip();
        XmlTransformers.preferJdkDefault();
    }

    public String fontName() {
        return fontName;
    }

    /** The .xlsx of {@code view} as bytes. */
    public byte[] render(FormView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        render(view, out);
        return out.toByteArray();
    }

    /** Writes the .xlsx of {@code view} to {@code out} (not closed). */
    public void render(FormView view, OutputStream out) {
        Objects.requireNonNull(view, "view");
        try (XSSFWorkbook wb = workbook(view)) {
            wb.write(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("生成 Excel 失败：" + e.getMessage(), e);
        }
    }

    /** The workbook of {@code view} (the caller closes it). */
    public XSSFWorkbook workbook(FormView view) {
        XSSFWorkbook wb = new XSSFWorkbook();
        try {
            new Pass(wb, view).write();
            return wb;
        } catch (RuntimeException e) {
            try {
                wb.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ columns

    /**
     * A grid's column boundaries rounded to {@code units} units of the form's width (0 … units), each column at
     * least one unit wide ({@code units} is at least the grid's column count).
     */
    static int[] unitBoundaries(List<Float> widths, int units) {
        int n = widths.size();
        double total = 0;
        for (Float w : widths) {
            total += Math.max(0f, w);
        }
        int[] b = new int[n + 1];
        double cumulative = 0;
        for (int k = 1; k <= n; k++) {
            cumulative += Math.max(0f, widths.get(k - 1));
            int snapped = total <= 0 ? Math.round((float) k * units / n) : (int) Math.round(cumulative / total * units);
            b[k] = Math.min(Math.max(snapped, b[k - 1] + 1), units - (n - k));
        }
        b[n] = units;
        return b;
    }

    // ------------------------------------------------------------------ one workbook

    private final class Pass {
        private final XSSFWorkbook wb;
        private final FormView view;
        private final Sheet sheet;
        private final Styles styles;
        /** The sheet's column boundaries in units, sorted. */
        private final int[] sheetBoundaries;
        private final int lastColumn;
        /** The form's width in units: {@value #UNITS}, or the most columns of a grid if that is more. */
        private final int units;
        private final List<Float> heights = new ArrayList<>();
        private int next;

        Pass(XSSFWorkbook wb, FormView view) {
            this.wb = wb;
            this.view = view;
            this.sheet = wb.createSheet(sheetName(view.title()));
            this.styles = new Styles(wb, fontName);
            int most = UNITS;
            for (Block b : view.blocks()) {
                if (b instanceof Grid g) {
                    most = Math.max(most, g.widths().size());
                }
            }
            this.units = most;
            TreeSet<Integer> all = new TreeSet<>(List.of(0, units));
            for (Block b : view.blocks()) {
                if (b instanceof Grid g) {
                    for (int u : unitBoundaries(g.widths(), units)) {
                        all.add(u);
                    }
                }
            }
            this.sheetBoundaries = all.stream().mapToInt(Integer::intValue).toArray();
            int total = sheetBoundaries[sheetBoundaries.length - 1];
            this.lastColumn = sheetBoundaries.length - 2;
            for (int c = 0; c <= lastColumn; c++) {
                double chars = (double) (sheetBoundaries[c + 1] - sheetBoundaries[c]) * PAGE_CHARS / total;
                sheet.setColumnWidth(c, (int) Math.round(chars * 256));
            }
        }

        void write() {
            line(view.title(), styles.title, 30f);
            if (!view.subtitle().isEmpty()) {
                line(view.subtitle(), styles.subtitle, textHeight(view.subtitle(), PAGE_CHARS, 15f) + 2f);
            }
            for (Block b : view.blocks()) {
                if (b instanceof Grid g) {
                    grid(g);
                } else if (b instanceof Heading h) {
                    if (h.newPage() && next > 0) {
                        sheet.setRowBreak(next - 1);
                    }
                    line(h.text(), styles.heading, 20f);
                } else if (b instanceof Note n) {
                    line(n.text(), styles.note, textHeight(n.text(), PAGE_CHARS, 12.5f) + 3f);
                }
            }
            for (int r = 0; r < heights.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row != null) {
                    row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT, heights.get(r)));
                }
            }
            printSetup();
        }

        /** A row merged across the form's width. */
        private void line(String text, CellStyle style, float height) {
            int r = newRow(height);
            org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).createCell(0);
            cell.setCellValue(text);
            cell.setCellStyle(style);
            if (lastColumn > 0) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
            }
        }

        private int newRow(float height) {
            sheet.createRow(next);
            heights.add(height);
            return next++;
        }

        private void grid(Grid g) {
            if (!g.caption().isEmpty()) {
                line(g.caption(), styles.caption, 20f);
            }
            int[] bounds = unitBoundaries(g.widths(), units);
            int[] start = new int[bounds.length];
            for (int k = 0; k < bounds.length; k++) {
                start[k] = Arrays.binarySearch(sheetBoundaries, bounds[k]);
            }
            List<Row> rows = new ArrayList<>(g.headerRows());
            rows.addAll(g.rows());
            int base = next;
            for (int r = 0; r < rows.size(); r++) {
                newRow(LINE_HEIGHT + 4f);
            }
            int columns = g.widths().size();
            int[] busyUntil = new int[columns];
            Arrays.fill(busyUntil, -1);
            List<int[]> tall = new ArrayList<>(); // first row, last row, needed height
            for (int r = 0; r < rows.size(); r++) {
                int col = 0;
                for (Cell c : rows.get(r).cells()) {
                    while (col < columns && busyUntil[col] >= r) {
                        col++;
                    }
                    int firstCol = start[col];
                    int lastCol = start[col + c.colSpan()] - 1;
                    int firstRow = base + r;
                    int lastRow = firstRow + c.rowSpan() - 1;
                    place(c, firstRow, lastRow, firstCol, lastCol);
                    double chars = (double) (sheetBoundaries[lastCol + 1] - sheetBoundaries[firstCol]) * PAGE_CHARS
                            / units;
                    float needed = textHeight(c.text(), chars, LINE_HEIGHT) + 4f;
                    if (c.rowSpan() == 1) {
                        heights.set(firstRow, Math.max(heights.get(firstRow), needed));
                    } else {
                        tall.add(new int[] {firstRow, lastRow, Math.round(needed)});
                    }
                    for (int k = col; k < col + c.colSpan(); k++) {
                        busyUntil[k] = r + c.rowSpan() - 1;
                    }
                    col += c.colSpan();
                }
            }
            for (int[] t : tall) {
                float have = 0;
                for (int r = t[0]; r <= t[1]; r++) {
                    have += heights.get(r);
                }
                if (have < t[2]) {
                    float extra = (t[2] - have) / (t[1] - t[0] + 1);
                    for (int r = t[0]; r <= t[1]; r++) {
                        heights.set(r, heights.get(r) + extra);
                    }
                }
            }
        }

        /** One view cell: its value and style in the first sheet cell, the style (borders) on the rest, merged. */
        private void place(Cell c, int firstRow, int lastRow, int firstCol, int lastCol) {
            CellStyle style = styles.of(c);
            for (int r = firstRow; r <= lastRow; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                for (int k = firstCol; k <= lastCol; k++) {
                    row.createCell(k).setCellStyle(style);
                }
            }
            org.apache.poi.ss.usermodel.Cell first = sheet.getRow(firstRow).getCell(firstCol);
            BigDecimal number = numeric(c);
            if (number != null) {
                first.setCellValue(number.doubleValue());
            } else if (!c.text().isEmpty()) {
                first.setCellValue(c.text());
            }
            if (firstRow != lastRow || firstCol != lastCol) {
                sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
            }
        }

        private void printSetup() {
            wb.setPrintArea(wb.getSheetIndex(sheet), 0, lastColumn, 0, Math.max(0, next - 1));
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(false);
            sheet.setFitToPage(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setAutobreaks(true);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(Sheet.LeftMargin, 0.5);
            sheet.setMargin(Sheet.RightMargin, 0.5);
            sheet.setMargin(Sheet.TopMargin, 0.75);
            sheet.setMargin(Sheet.BottomMargin, 0.65);
            sheet.setMargin(Sheet.HeaderMargin, 0.3);
            sheet.setMargin(Sheet.FooterMargin, 0.3);
            sheet.setDisplayGridlines(false);
            sheet.setPrintGridlines(false);
            if (!view.header().isEmpty()) {
                sheet.getHeader().setLeft(headerText(view.header(), 100));
                sheet.getHeader().setRight(headerText(view.title(), 60));
            }
            sheet.getFooter().setCenter("第 &P 页 共 &N 页");
        }
    }

    /**
     * The number a {@link Kind#NUMBER} cell stores, when its text is exactly that number with two decimals (or that
     * and "%"); null when the cell keeps its text.
     */
    static BigDecimal numeric(Cell c) {
        if (c.kind() != Kind.NUMBER || c.number() == null) {
            return null;
        }
        String two = c.number().setScale(2, RoundingMode.HALF_UP).toPlainString();
        return c.text().equals(two) || c.text().equals(two + "%") ? c.number() : null;
    }

    /** The height of {@code text} wrapped at {@code chars} characters (a CJK character counts two). */
    static float textHeight(String text, double chars, float lineHeight) {
        double room = Math.max(1, chars - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            double width = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                width += paragraph.charAt(i) < 0x2E80 ? 1.05 : 2;
            }
            lines += Math.max(1, (int) Math.ceil(width / room));
        }
        return Math.max(1, lines) * lineHeight;
    }

    private static String sheetName(String title) {
        String name = WorkbookUtil.createSafeSheetName(title.strip().isEmpty() ? "表" : title.strip());
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** Header/footer text: {@code &} doubled, shortened with … past {@code max} characters. */
    private static String headerText(String text, int max) {
        String t = text.length() > max ? text.substring(0, max - 1) + "…" : text;
        return t.replace("&", "&&");
    }

    // ------------------------------------------------------------------ styles

    /** The workbook's styles, created once: a dozen whatever the form's length. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle heading;
        final CellStyle caption;
        final CellStyle note;
        final CellStyle label;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle number;
        final CellStyle percent;
        final CellStyle numberText;
        final CellStyle paragraphs;

        Styles(XSSFWorkbook wb, String fontName) {
            Font body = font(wb, fontName, BODY_POINTS, false);
            Font bold = font(wb, fontName, BODY_POINTS, true);
            Font big = font(wb, fontName, (short) 16, true);
            Font medium = font(wb, fontName, (short) 11, false);
            Font mediumBold = font(wb, fontName, (short) 11, true);
            Font small = font(wb, fontName, (short) 9, false);
            title = plain(wb, big, HorizontalAlignment.CENTER);
            subtitle = plain(wb, medium, HorizontalAlignment.CENTER);
            heading = plain(wb, mediumBold, HorizontalAlignment.LEFT);
            caption = plain(wb, mediumBold, HorizontalAlignment.CENTER);
            note = plain(wb, small, HorizontalAlignment.LEFT);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            label = boxed(wb, bold, HorizontalAlignment.CENTER, VerticalAlignment.CENTER);
            label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = boxed(wb, body, HorizontalAlignment.LEFT, VerticalAlignment.CENTER);
            centered = boxed(wb, body, HorizontalAlignment.CENTER, VerticalAlignment.CENTER);
            number = boxed(wb, body, HorizontalAlignment.RIGHT, VerticalAlignment.CENTER);
            number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            percent = boxed(wb, body, HorizontalAlignment.RIGHT, VerticalAlignment.CENTER);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00\\%"));
            numberText = boxed(wb, body, HorizontalAlignment.RIGHT, VerticalAlignment.CENTER);
            paragraphs = boxed(wb, body, HorizontalAlignment.LEFT, VerticalAlignment.TOP);
        }

        CellStyle of(Cell c) {
            return switch (c.kind()) {
                case LABEL -> label;
                case TEXT -> text;
                case CENTERED -> centered;
                case PARAGRAPHS -> paragraphs;
                case NUMBER -> numeric(c) == null ? numberText : c.text().endsWith("%") ? percent : number;
            };
        }

        private static Font font(XSSFWorkbook wb, String name, short points, boolean bold) {
            Font f = wb.createFont();
            f.setFontName(name);
            f.setFontHeightInPoints(points);
            f.setBold(bold);
            f.setCharSet(Font.DEFAULT_CHARSET);
            return f;
        }

        private static CellStyle plain(XSSFWorkbook wb, Font font, HorizontalAlignment align) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            return s;
        }

        private static CellStyle boxed(XSSFWorkbook wb, Font font, HorizontalAlignment align,
                                       VerticalAlignment vertical) {
            CellStyle s = plain(wb, font, align);
            s.setVerticalAlignment(vertical);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
