package cn.perf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.shared.FiscalYear;
import org.junit.jupiter.api.Test;

class ProjectTest {

    @Test
    void aProjectIsCarriedAcrossYearsAndReclassified() {
        Project p = Project.open(1L, " 数字城管 ", null, "新增项目", FiscalYear.of(2020));
        assertThat(p.name()).isEqualTo("数字城管");
        p.reclassify(null, "延续项目");
        assertThat(p.attribute()).isEqualTo("延续项目");
        assertThat(p.firstYear()).isEqualTo(FiscalYear.of(2020));
    }

    @Test
    void namesAreRequiredAndBounded() {
        assertThatThrownBy(() -> Project.open(1L, " ", null, null, FiscalYear.of(2020))).hasMessage("项目名称不能为空");
        assertThatThrownBy(() -> Project.open(1L, "名".repeat(201), null, null, FiscalYear.of(2020)))
                .hasMessage("项目名称不能超过 200 个字（现有 201 个）");
        assertThatThrownBy(() -> Project.open(null, "x", null, null, FiscalYear.of(2020))).hasMessage("申报单位不能为空");
    }
}
