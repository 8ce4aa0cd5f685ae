package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * The sign-off block printed on every form.
 *
 * @param unitLeader 填报单位负责人 / 单位负责人
 * @param preparer   填报人
 * @param filedOn    填报日期
 */
@Embeddable
public record SignOff(@Column(name = "signoff_unit_leader", length = 64) String unitLeader,
                      @Column(name = "signoff_preparer", length = 64) String preparer,
                      @Column(name = "signoff_filed_on") LocalDate filedOn) {

    public static final SignOff EMPTY = new SignOff(null, null, null);

    public SignOff {
        unitLeader = Texts.optional(unitLeader, "单位负责人", 64);
        preparer = Texts.optional(preparer, "填报人", 64);
    }
}
