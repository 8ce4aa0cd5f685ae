package cn.perf.reports.view;

import java.util.List;
import java.util.Objects;

/**
 * One official form as it is printed (DESIGN.md §9): the export view a layout's builder makes from a read model and
 * every renderer draws — the PDF ({@code cn.perf.reports.pdf}) and the Excel file ({@code cn.perf.reports.xlsx}) — so
 * they never disagree. Plain values only: texts already formatted as the form prints them (amounts in 万元 with two
 * decimals), numbers kept beside their text for Excel.
 *
 * @param title     the form's title, e.g. "2021年度 项目支出绩效目标申报表"
 * @param subtitle  the line under the title (填报单位, 金额单位), may be empty
 * @param header    the running page header, e.g. the project name and status; may be empty
 * @param blocks    the form's blocks in printed order
 */
public record FormView(String title, String subtitle, String header, List<Block> blocks) {

    public FormView {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        header = header == null ? "" : header;
        blocks = List.copyOf(blocks);
    }

    /**
     * A block of the form: a bordered table ({@link Grid}), a heading line ({@link Heading}) or a free paragraph
     * ({@link Note}). Consecutive grids are printed without a gap, so a form made of several grids (each with the
     * columns its part needs) reads as one table, as the official forms do; give their first columns the same width.
     */
    public sealed interface Block permits Grid, Heading, Note {
    }

    /**
     * A heading line between tables (e.g. "审核记录"), printed bold, never left alone at a page's foot.
     *
     * @param text    the heading
     * @param newPage whether it starts a new page (a PDF page, an Excel page break): e.g. the review history printed
     *                as the last page of an approved 申报表
     */
    public record Heading(String text, boolean newPage) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }

        public Heading(String text) {
            this(text, false);
        }
    }

    /**
     * Free text printed between blocks, outside any table, in a smaller size: a form's fixed instructions
     * (填表说明), a remark under a table (标注), a line the official form prints outside its table (填报单位（盖章）,
     * a sign-off line). One paragraph per line ({@code \n}).
     */
    public record Note(String text) implements Block {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A bordered table laid out like the official form, on a grid of {@code widths.size()} columns.
     *
     * @param caption     printed above the table (may be empty)
     * @param widths      relative column widths (e.g. 1, 3, 1, 3); the renderer scales them to the page
     * @param headerRows  rows repeated at the top of every page the table continues on (may be empty); their cells
     *                    span rows among the header rows only
     * @param rows        the body rows; a row is never split across pages unless it alone is taller than a page, or
     *                    it holds a long text block ({@link Kind#PARAGRAPHS}), which flows onto the next page
     * @throws IllegalArgumentException when the rows do not tile the grid: every row, counting the cells that reach
     *                                  into it from rows above, covers exactly {@code widths.size()} columns, and no
     *                                  cell spans past the last row of its part (header or body)
     */
    public record Grid(String caption, List<Float> widths, List<Row> headerRows, List<Row> rows) implements Block {
        public Grid {
            caption = caption == null ? "" : caption;
            widths = List.copyOf(widths);
            headerRows = List.copyOf(headerRows);
            rows = List.copyOf(rows);
            if (widths.isEmpty()) {
                throw new IllegalArgumentException("表格至少要有一列");
            }
            checkTiling(widths.size(), headerRows, "表头");
            checkTiling(widths.size(), rows, "表体");
        }

        /** A grid without caption and header rows. */
        public static Grid of(List<Float> widths, List<Row> rows) {
            return new Grid("", widths, List.of(), rows);
        }

        /**
         * For each row of {@code rows}: the last row index reached by a cell that starts in it or above it. A page
         * break (or an Excel print break) may fall after row {@code i} only where the value is {@code i}.
         */
        public static int[] reach(List<Row> rows) {
            int[] reach = new int[rows.size()];
            int furthest = -1;
            for (int i = 0; i < rows.size(); i++) {
                for (Cell c : rows.get(i).cells()) {
                    furthest = Math.max(furthest, i + c.rowSpan() - 1);
                }
                furthest = Math.max(furthest, i);
                reach[i] = furthest;
            }
            return reach;
        }

        private static void checkTiling(int columns, List<Row> rows, String part) {
            int[] busyUntil = new int[columns];
            java.util.Arrays.fill(busyUntil, -1);
            for (int r = 0; r < rows.size(); r++) {
                int col = 0;
                for (Cell c : rows.get(r).cells()) {
                    while (col < columns && busyUntil[col] >= r) {
                        col++;
                    }
                    if (col + c.colSpan() > columns) {
                        throw new IllegalArgumentException(part + "第 " + (r + 1) + " 行超出 " + columns + " 列：“"
                                + c.text() + "”");
                    }
                    if (r + c.rowSpan() > rows.size()) {
                        throw new IllegalArgumentException(part + "第 " + (r + 1) + " 行的“" + c.text() + "”跨行超出"
                                + part);
                    }
                    for (int k = col; k < col + c.colSpan(); k++) {
                        busyUntil[k] = r + c.rowSpan() - 1;
                    }
                    col += c.colSpan();
                }
                for (int k = 0; k < columns; k++) {
                    if (busyUntil[k] < r) {
                        throw new IllegalArgumentException(part + "第 " + (r + 1) + " 行不足 " + columns + " 列");
                    }
                }
            }
        }
    }

    /** A table row: its cells in order, each spanning one or more grid columns (and rows). */
    public record Row(List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(Cell... cells) {
            return new Row(List.of(cells));
        }
    }

    /**
     * One cell.
     *
     * @param text    what is printed (never null; "" for an empty cell); for {@link Kind#PARAGRAPHS} one paragraph per
     *                line ({@code \n})
     * @param number  the value behind a numeric text (amount in 万元, score, rate in %) for Excel; {@code null} otherwise
     * @param kind    how it is printed
     * @param colSpan grid columns it covers (≥ 1)
     * @param rowSpan rows it covers (≥ 1)
     */
    public record Cell(String text, java.math.BigDecimal number, Kind kind, int colSpan, int rowSpan) {
        public Cell {
            text = text == null ? "" : text;
            Objects.requireNonNull(kind, "kind");
            if (colSpan < 1 || rowSpan < 1) {
                throw new IllegalArgumentException("单元格跨度至少为 1");
            }
        }

        /** A label cell (bold, shaded, centred), as the form's printed field names. */
        public static Cell label(String text) {
            return new Cell(text, null, Kind.LABEL, 1, 1);
        }

        /** A value cell, left-aligned. */
        public static Cell text(String text) {
            return new Cell(text, null, Kind.TEXT, 1, 1);
        }

        /** A number printed right-aligned as {@code text}, kept as {@code number} for Excel. */
        public static Cell number(String text, java.math.BigDecimal number) {
            return new Cell(text, number, Kind.NUMBER, 1, 1);
        }

        /** A value centred (category names, 是/否, dates, short targets). */
        public static Cell centered(String text) {
            return new Cell(text, null, Kind.CENTERED, 1, 1);
        }

        /** An empty value cell. */
        public static Cell empty() {
            return new Cell("", null, Kind.TEXT, 1, 1);
        }

        /** A long text block, one paragraph per line, that may flow onto the next page. */
        public static Cell paragraphs(String text) {
            return new Cell(text, null, Kind.PARAGRAPHS, 1, 1);
        }

        public Cell span(int columns) {
            return new Cell(text, number, kind, columns, rowSpan);
        }

        public Cell rows(int rows) {
            return new Cell(text, number, kind, colSpan, rows);
        }
    }

    /** How a cell is printed. */
    public enum Kind {
        /** a printed field name: bold, shaded, centred */
        LABEL,
        /** a value: left-aligned */
        TEXT,
        /** a value: centred */
        CENTERED,
        /** a number: right-aligned; Excel stores {@link Cell#number()} with two decimals */
        NUMBER,
        /** a text block: paragraphs (first line indented two characters), may break across pages */
        PARAGRAPHS
    }
}
