package cn.perf.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Scope}: what a signed-in user may see and file, as a value (DESIGN.md §8). */
class ScopeTest {

    @Test
    void aUnitFilerSeesAndFilesItsOwnUnitOnly() {
        Scope filer = new Scope("filer-001239", Set.of(7L), null, Set.of(7L));
        assertThat(filer.canSee(7L, "苏州市")).isTrue();
        assertThat(filer.canSee(8L, "苏州市")).isFalse();
        assertThat(filer.canFile(7L)).isTrue();
        assertThat(filer.canFile(8L)).isFalse();
        assertThat(filer.seesNothing()).isFalse();
        assertThat(filer.seesSeveralUnits()).isFalse();
    }

    @Test
    void aDepartmentReviewerSeesItsUnitsButFilesNone() {
        Scope reviewer = new Scope("dept", Set.of(1L, 2L, 3L), null, Set.of());
        assertThat(reviewer.canSee(2L, "苏州市")).isTrue();
        assertThat(reviewer.canSee(4L, "苏州市")).isFalse();
        assertThat(reviewer.canFile(2L)).isFalse();
        assertThat(reviewer.seesSeveralUnits()).isTrue();
    }

    @Test
    void aFinanceReviewerSeesEveryUnitOfItsRegionAndNoOtherRegion() {
        Scope finance = new Scope("finance", Set.of(), "苏州市", Set.of());
        assertThat(finance.canSee(123L, "苏州市")).isTrue();
        assertThat(finance.canSee(123L, "济宁市")).isFalse();
        assertThat(finance.canSee(123L, null)).isFalse();
        assertThat(finance.canFile(123L)).isFalse();
        assertThat(finance.seesNothing()).isFalse();
        assertThat(finance.seesSeveralUnits()).isTrue();
    }

    @Test
    void ownUnitsAndARegionAddUp() {
        Scope both = new Scope("both", Set.of(9L), "苏州市", Set.of(9L));
        assertThat(both.canSee(9L, "济宁市")).isTrue();
        assertThat(both.canSee(10L, "苏州市")).isTrue();
        assertThat(both.canSee(10L, "济宁市")).isFalse();
    }

    @Test
    void noScopeSeesAndFilesNothing() {
        Scope none = Scope.none("admin");
        assertThat(none.username()).isEqualTo("admin");
        assertThat(none.seesNothing()).isTrue();
        assertThat(none.seesSeveralUnits()).isFalse();
        assertThat(none.canSee(1L, "苏州市")).isFalse();
        assertThat(none.canSee(1L, null)).isFalse();
        assertThat(none.canFile(1L)).isFalse();
        assertThat(new Scope("x", Set.of(), null, Set.of()).seesNothing()).isTrue();
    }

    @Test
    void aUnitOneMayFileForMustBeVisible() {
        assertThatThrownBy(() -> new Scope("x", Set.of(1L), null, Set.of(2L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a unit one may file for must be visible");
        // a region does not make a unit fileable either
        assertThatThrownBy(() -> new Scope("x", Set.of(), "苏州市", Set.of(2L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scope(null, Set.of(), null, Set.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aScopeIsAValueThatLaterChangesToItsSetsDoNotReach() {
        Set<Long> visible = new HashSet<>(Set.of(1L));
        Set<Long> fileable = new HashSet<>(Set.of(1L));
        Scope scope = new Scope("u", visible, null, fileable);
        visible.add(2L);
        fileable.add(2L);
        assertThat(scope.canSee(2L, null)).isFalse();
        assertThat(scope.canFile(2L)).isFalse();
        assertThat(scope).isEqualTo(new Scope("u", Set.of(1L), null, Set.of(1L)));
        assertThatThrownBy(() -> scope.visibleUnitIds().add(3L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
