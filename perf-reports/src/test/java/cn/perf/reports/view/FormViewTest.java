package cn.perf.reports.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid's rows must tile its columns, merged cells included; a page may break only between whole merges. */
class FormViewTest {

    private static final List<Float> THREE = List.of(1f, 2f, 1f);

    @Test
    void mergedCellsTileTheGrid() {
        Grid g = Grid.of(THREE, List.of(
                Row.of(Cell.label("资金").rows(2), Cell.label("项目"), Cell.label("金额")),
                Row.of(Cell.text("甲"), Cell.number("1.00", null)),
                Row.of(Cell.label("合计").span(2), Cell.number("1.00", null))));
        assertThat(g.rows()).hasSize(3);
        assertThat(Grid.reach(g.rows())).containsExactly(1, 1, 2);
    }

    @Test
    void aRowThatIsTooWideIsRefused() {
        assertThatThrownBy(() -> Grid.of(THREE, List.of(Row.of(Cell.text("a").span(2), Cell.text("b").span(2)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("超出 3 列");
    }

    @Test
    void aRowThatIsShortIsRefused() {
        assertThatThrownBy(() -> Grid.of(THREE, List.of(Row.of(Cell.text("a"), Cell.text("b")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不足 3 列");
    }

    @Test
    void aCellThatSpansPastTheLastRowIsRefused() {
        assertThatThrownBy(() -> Grid.of(THREE, List.of(Row.of(Cell.text("a").rows(2), Cell.text("b"),
                Cell.text("c"))))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("跨行超出");
    }

    @Test
    void headerRowsAreCheckedApart() {
        assertThatThrownBy(() -> new Grid("", THREE, List.of(Row.of(Cell.label("a").rows(2), Cell.label("b"),
                Cell.label("c"))), List.of(Row.of(Cell.text("x"), Cell.text("y"), Cell.text("z")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("表头");
    }
}
