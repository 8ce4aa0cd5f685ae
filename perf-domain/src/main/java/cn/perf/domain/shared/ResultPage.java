package cn.perf.domain.shared;

import java.util.List;

/**
 * One page of a list: its rows, the total number of rows that match, and where the page is.
 *
 * @param page 0-based
 */
public record ResultPage<T>(List<T> rows, long total, int page, int size) {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    /** 1-based number of the first row on this page (0 when empty). */
    public long firstRow() {
        return rows.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastRow() {
        return rows.isEmpty() ? 0 : (long) page * size + rows.size();
    }
}
