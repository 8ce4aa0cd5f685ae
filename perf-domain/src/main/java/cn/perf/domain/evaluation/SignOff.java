package cn.perf.domain.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The sign-off block printed on every form: 填报人, 单位负责人, 填报日期. Seed 002 prints none of them. */
@Embeddable
public class SignOff {

    @Column(name = "filer_name", length = 100)
    private String filer;

    @Column(name = "unit_leader_name", length = 100)
    private String unitLeader;

    @Column(name = "filing_date")
    private LocalDate filingDate;

    protected SignOff() {
        // for JPA
    }

    private SignOff(String filer, String unitLeader, LocalDate filingDate) {
        this.filer = blankToNull(filer);
        this.unitLeader = blankToNull(unitLeader);
        this.filingDate = filingDate;
    }

    public static SignOff of(String filer, String unitLeader, LocalDate filingDate) {
        return new SignOff(filer, unitLeader, filingDate);
    }

    public static SignOff empty() {
        return new SignOff(null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 填报人. */
    public String filer() {
        return filer;
    }

    /** 单位负责人. */
    public String unitLeader() {
        return unitLeader;
    }

    /** 填报日期. */
    public LocalDate filingDate() {
        return filingDate;
    }

    public boolean isComplete() {
        return filer != null && unitLeader != null && filingDate != null;
    }
}
