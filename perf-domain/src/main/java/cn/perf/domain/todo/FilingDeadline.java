package cn.perf.domain.todo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;

/** The last day of a stage of a fiscal year in a region, set by that region's finance bureau. */
@Entity
@Table(name = "filing_deadline")
public class FilingDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region", nullable = false, length = 64)
    private String region;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 32)
    private Stage stage;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FilingDeadline() {
    }

    public static FilingDeadline set(String region, int year, Stage stage, LocalDate dueOn, String setBy) {
        FilingDeadline d = new FilingDeadline();
        d.region = Objects.requireNonNull(region, "region");
        d.year = year;
        d.stage = Objects.requireNonNull(stage, "stage");
        d.reschedule(dueOn, setBy);
        return d;
    }

    /** Moves the deadline. */
    public void reschedule(LocalDate newDueOn, String by) {
        this.dueOn = Objects.requireNonNull(newDueOn, "dueOn");
        this.setBy = Objects.requireNonNull(by, "setBy");
    }

    public Long id() {
        return id;
    }

    public String region() {
        return region;
    }

    public int year() {
        return year;
    }

    public Stage stage() {
        return stage;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String setBy() {
        return setBy;
    }
}
