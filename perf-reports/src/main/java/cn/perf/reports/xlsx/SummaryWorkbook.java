package cn.perf.reports.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A summary table of many forms (the list pages' 导出): a title row, a header row and one row per form, streamed with
 * SXSSF so that only {@value #WINDOW} rows are in memory whatever the number of forms (rows already written go to a
 * compressed temporary file, deleted when the workbook is written). Frozen header, an auto-filter, the header row
 * repeated on every printed page, A4 landscape fitted to the page width, the configured font (宋体 by default).
 *
 * <p>Use: {@link #start}, then {@link Writer#row} for each form in the list's order, then {@link Writer#finish}.
 * Amounts are {@link BigDecimal} written as numbers with their format ({@code #,##0.00} for 万元, {@code 0.00} for
 * scores), never as text, so sums and filters work in Excel.
 */
public final class SummaryWorkbook {

    /** Rows kept in memory while streaming. */
    public static final int WINDOW = 100;

    /** How a column's values are written. */
    public enum Kind {
        /** Text, left aligned. */
        TEXT,
        /** A whole number (counts, years), centred. */
        INTEGER,
        /** 万元 with two decimals and thousands separators. */
        MONEY,
        /** A score with two decimals. */
        SCORE,
        /** A date and time, {@code yyyy-mm-dd hh:mm}. */
        DATE_TIME
    }

    /** A column: its header and kind, and its width in characters. */
    public record Column(String title, Kind kind, int width) {
        public Column {
            Objects.requireNonNull(title);
            Objects.requireNonNull(kind);
        }
    }

    private final String fontName;

    /** With the font of this name (blank: 宋体). */
    public SummaryWorkbook(String fontName) {
        this.fontName = fontName == null || fontName.isBlank() ? XlsxRenderer.DEFAULT_FONT : fontName.strip();
        XmlTransformers.preferJdkDefault();
    }

    /** Starts a workbook with one sheet named {@code sheetName}, its title row and header row. */
    public Writer start(String sheetName, String title, List<Column> columns) {
        return new Writer(sheetName, title, List.copyOf(columns), fontName);
    }

    /** Writes rows one by one; not thread-safe; {@link #finish} or {@link #close} exactly once. */
    public static final class Writer implements AutoCloseable {

        private final SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        private final SXSSFSheet sheet;
        private final List<Column> columns;
        private final CellStyle[] styles;
        private int next;

        private Writer(String sheetName, String title, List<Column> columns, String fontName) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a summary needs at least one column");
            }
            wb.setCompressTempFiles(true);
            this.columns = columns;
            this.sheet = wb.createSheet(safeSheetName(sheetName));
            Font body = font(fontName, (short) 10, false);
            Font bold = font(fontName, (short) 10, true);
            Font big = font(fontName, (short) 14, true);

            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle headerStyle = boxed(bold, HorizontalAlignment.CENTER);
            headerStyle.setWrapText(true);

            this.styles = new CellStyle[Kind.values().length];
            styles[Kind.TEXT.ordinal()] = boxed(body, HorizontalAlignment.LEFT);
            styles[Kind.TEXT.ordinal()].setWrapText(true);
            styles[Kind.INTEGER.ordinal()] = boxed(body, HorizontalAlignment.CENTER);
            styles[Kind.INTEGER.ordinal()].setDataFormat(wb.createDataFormat().getFormat("0"));
            styles[Kind.MONEY.ordinal()] = boxed(body, HorizontalAlignment.RIGHT);
            styles[Kind.MONEY.ordinal()].setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            styles[Kind.SCORE.ordinal()] = boxed(body, HorizontalAlignment.RIGHT);
            styles[Kind.SCORE.ordinal()].setDataFormat(wb.createDataFormat().getFormat("0.00"));
            styles[Kind.DATE_TIME.ordinal()] = boxed(body, HorizontalAlignment.CENTER);
            styles[Kind.DATE_TIME.ordinal()].setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(255, Math.max(4, columns.get(c).width())) * 256);
            }
            SXSSFRow titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(28);
            SXSSFCell t = titleRow.createCell(0);
            t.setCellValue(title);
            t.setCellStyle(titleStyle);
            if (columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            }
            SXSSFRow header = sheet.createRow(1);
            header.setHeightInPoints(30);
            for (int c = 0; c < columns.size(); c++) {
                SXSSFCell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).title());
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns.size() - 1));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setHorizontallyCenter(true);
            this.next = 2;
        }

        /**
         * One form's row, a value per column: {@link String} for TEXT, {@link Number} for INTEGER, {@link BigDecimal}
         * for MONEY and SCORE, {@link LocalDateTime} for DATE_TIME; {@code null} leaves a bordered empty cell.
         */
        public void row(List<?> values) {
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "expected " + columns.size() + " values, got " + values.size());
            }
            SXSSFRow row = sheet.createRow(next++);
            for (int c = 0; c < values.size(); c++) {
                Column column = columns.get(c);
                SXSSFCell cell = row.createCell(c);
                cell.setCellStyle(styles[column.kind().ordinal()]);
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                switch (column.kind()) {
                    case TEXT -> cell.setCellValue(v.toString());
                    case INTEGER -> cell.setCellValue(((Number) v).longValue());
                    case MONEY, SCORE -> cell.setCellValue(((BigDecimal) v).doubleValue());
                    case DATE_TIME -> cell.setCellValue((LocalDateTime) v);
                }
            }
        }

        /** Number of form rows written so far. */
        public int rows() {
            return next - 2;
        }

        /** Adds the auto-filter over what was written, writes the workbook to {@code out} and deletes the temp files. */
        public void finish(OutputStream out) {
            try {
                sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next - 1), 0, columns.size() - 1));
                wb.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                close();
            }
        }

        /** Deletes the temporary files; idempotent. */
        @Override
        public void close() {
            try {
                wb.dispose();
                wb.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Font font(String name, short points, boolean bold) {
            Font f = wb.createFont();
            f.setFontName(name);
            f.setFontHeightInPoints(points);
            f.setBold(bold);
            f.setCharSet(Font.DEFAULT_CHARSET);
            return f;
        }

        private CellStyle boxed(Font font, HorizontalAlignment align) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        /** Excel refuses sheet names over 31 characters and with {@code : \ / ? * [ ]}. */
        private static String safeSheetName(String name) {
            String s = name.replaceAll("[:\\\\/?*\\[\\]]", "_");
            return s.length() > 31 ? s.substring(0, 31) : s;
        }
    }
}
