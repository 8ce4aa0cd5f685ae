package cn.perf.reports.view;

import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Kind;
import cn.perf.reports.view.FormView.Note;
import cn.perf.reports.view.FormView.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading a FormView in tests: its cells in printed order, the cell after a label. */
final class Views {

    private Views() {
    }

    /** Every cell of every grid, in printed order (header rows first). */
    static List<Cell> cells(FormView v) {
        List<Cell> out = new ArrayList<>();
        for (Block b : v.blocks()) {
            if (b instanceof Grid g) {
                for (Row r : g.headerRows()) {
                    out.addAll(r.cells());
                }
                for (Row r : g.rows()) {
                    out.addAll(r.cells());
                }
            }
        }
        return out;
    }

    /** The printed labels, in order. */
    static List<String> labels(FormView v) {
        return cells(v).stream().filter(c -> c.kind() == Kind.LABEL && !c.text().isEmpty()).map(Cell::text).toList();
    }

    /** The cell printed right after the label {@code label}. */
    static Cell after(FormView v, String label) {
        List<Cell> cells = cells(v);
        for (int i = 0; i < cells.size() - 1; i++) {
            if (cells.get(i).kind() == Kind.LABEL && cells.get(i).text().equals(label)) {
                return cells.get(i + 1);
            }
        }
        throw new AssertionError("no label " + label);
    }

    static Optional<Cell> find(FormView v, String text) {
        return cells(v).stream().filter(c -> c.text().equals(text)).findFirst();
    }

    static List<String> headings(FormView v) {
        return v.blocks().stream().filter(b -> b instanceof Heading).map(b -> ((Heading) b).text()).toList();
    }

    static List<String> notes(FormView v) {
        return v.blocks().stream().filter(b -> b instanceof Note).map(b -> ((Note) b).text()).toList();
    }
}
