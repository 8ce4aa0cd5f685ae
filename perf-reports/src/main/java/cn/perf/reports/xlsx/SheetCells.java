package cn.perf.reports.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * One sheet as the form's reader sees it: boxes — a merged region or a single cell — with the text the user sees
 * (numbers as formatted, a formula's last result; formulas are never evaluated), the number behind a numeric cell and
 * the date behind a date cell. Fields are found by their printed labels ({@link #find}), compared without white space
 * and with full-width brackets, colons and commas as their ASCII kin, so a row moved, inserted or re-typed with other
 * brackets still reads; a value is the box right of or below its label.
 */
final class SheetCells {

    /**
     * A merged region or a single cell (0-based rows and columns).
     *
     * @param text   the text as shown ("" for an empty cell); lines separated by {@code \n}
     * @param number the number of a numeric cell, or null
     * @param date   the date of a date-formatted numeric cell, or null
     */
    record Box(int firstRow, int lastRow, int firstCol, int lastCol, String text, BigDecimal number, LocalDate date) {

        boolean blank() {
            return text.isBlank();
        }

        /** The row number as Excel shows it (1-based). */
        int excelRow() {
            return firstRow + 1;
        }

        String normalized() {
            return normalize(text);
        }
    }

    private final List<CellRangeAddress> regions;
    private final Map<Long, Box> byStart = new HashMap<>();
    private final List<Box> ordered = new ArrayList<>();
    private final Map<Integer, List<CellRangeAddress>> regionsOfRow = new HashMap<>();
    private final int lastRow;

    SheetCells(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        this.regions = new ArrayList<>(sheet.getMergedRegions());
        this.lastRow = sheet.getLastRowNum();
        Map<Long, Cell> firstCells = new HashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                firstCells.put(key(cell.getRowIndex(), cell.getColumnIndex()), cell);
            }
        }
        for (CellRangeAddress r : regions) {
            Cell c = firstCells.get(key(r.getFirstRow(), r.getFirstColumn()));
            put(box(c, r.getFirstRow(), r.getLastRow(), r.getFirstColumn(), r.getLastColumn(), format));
        }
        for (Row row : sheet) {
            for (Cell cell : row) {
                int r = cell.getRowIndex();
                int c = cell.getColumnIndex();
                if (region(r, c) == null) {
                    put(box(cell, r, r, c, c, format));
                }
            }
        }
        ordered.sort((a, b) -> a.firstRow() != b.firstRow() ? Integer.compare(a.firstRow(), b.firstRow())
                : Integer.compare(a.firstCol(), b.firstCol()));
    }

    private void put(Box b) {
        byStart.put(key(b.firstRow(), b.firstCol()), b);
        ordered.add(b);
    }

    int lastRow() {
        return lastRow;
    }

    /** Every box, by row then column. */
    List<Box> boxes() {
        return ordered;
    }

    /** The box covering row {@code r}, column {@code c}: its merged region, the cell, or an empty box. */
    Box at(int r, int c) {
        CellRangeAddress region = region(r, c);
        if (region != null) {
            return byStart.get(key(region.getFirstRow(), region.getFirstColumn()));
        }
        Box b = byStart.get(key(r, c));
        return b != null ? b : new Box(r, r, c, c, "", null, null);
    }

    /** The boxes whose text is {@code label} (see {@link #normalize}), by row then column. */
    List<Box> find(String label) {
        String wanted = normalize(label);
        return ordered.stream().filter(b -> b.normalized().equals(wanted)).toList();
    }

    /** The first box whose text is {@code label}. */
    Optional<Box> first(String label) {
        return find(label).stream().findFirst();
    }

    /** The first box reading {@code label} that starts within rows {@code from}–{@code to}. */
    Optional<Box> firstWithin(String label, int from, int to) {
        return find(label).stream().filter(b -> b.firstRow() >= from && b.firstRow() <= to).findFirst();
    }

    /** The box right of {@code b}, in its first row. */
    Box rightOf(Box b) {
        return at(b.firstRow(), b.lastCol() + 1);
    }

    /** The box under {@code b}, in its first column. */
    Box below(Box b) {
        return at(b.lastRow() + 1, b.firstCol());
    }

    /** Whether {@code b} begins in row {@code r} (is not continued from a row above). */
    static boolean startsAt(Box b, int r) {
        return b.firstRow() == r;
    }

    private CellRangeAddress region(int r, int c) {
        for (CellRangeAddress a : regionsOfRow.computeIfAbsent(r, this::regionsCovering)) {
            if (c >= a.getFirstColumn() && c <= a.getLastColumn()) {
                return a;
            }
        }
        return null;
    }

    private List<CellRangeAddress> regionsCovering(int r) {
        List<CellRangeAddress> out = new ArrayList<>(4);
        for (CellRangeAddress a : regions) {
            if (r >= a.getFirstRow() && r <= a.getLastRow()) {
                out.add(a);
            }
        }
        return out;
    }

    private static long key(int r, int c) {
        return ((long) r << 20) | c;
    }

    private static Box box(Cell cell, int r1, int r2, int c1, int c2, DataFormatter format) {
        if (cell == null) {
            return new Box(r1, r2, c1, c2, "", null, null);
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = "";
        BigDecimal number = null;
        LocalDate date = null;
        switch (type) {
            case STRING -> text = cell.getStringCellValue();
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell)) {
                    date = cell.getLocalDateTimeCellValue().toLocalDate();
                } else if (Double.isFinite(v)) {
                    number = new BigDecimal(NumberToTextConverter.toText(v));
                }
                text = format.formatRawCellContents(v, cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString());
            }
            case BOOLEAN -> text = cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> text = "";
        }
        if (text.length() > XlsxGuard.MAX_CELL_CHARS) {
            throw XlsxGuard.cellTooLong();
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return new Box(r1, r2, c1, c2, text, number, date);
    }

    /**
     * A label as compared: no white space (full-width and no-break spaces included), full-width （）：，；、 as ASCII
     * ( ) : , ; and without a trailing colon.
     */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
                continue;
            }
            b.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '：' -> ':';
                case '，' -> ',';
                case '；' -> ';';
                default -> c;
            });
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == ':') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }
}
