package cn.perf.domain.evaluation;

import cn.perf.scoring.check.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One finding of the last scoring (DESIGN.md §3.3), stored so a page can show it without re-scoring: severity
 * (错误/警告/提示), the stable perf-scoring code (e.g. {@code RECORDED_SCORE_MISMATCH}), the Chinese message, and the
 * indicator row it is about ({@code null} for a sheet-level finding such as a funds identity). Owned by its
 * {@link SelfEvaluation}; the whole list is replaced by every scoring.
 */
@Entity
@Table(name = "self_evaluation_finding")
public class EvaluationFinding {

    static final int LOCATION_MAX = 520;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "self_evaluation_id", nullable = false)
    private SelfEvaluation evaluation;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 16)
    private Severity severity;

    /** perf-scoring {@code FindingCode} name, kept as text so an older row survives a renamed code. */
    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "message", nullable = false, columnDefinition = "text")
    private String message;

    /** The indicator row's position, or {@code null} for a finding about the whole form. */
    @Column(name = "row_position")
    private Integer rowPosition;

    /** Where, in words: "第5行 预算执行率", "市级财政资金使用情况", "合计"; room for a 500-character indicator name. */
    @Column(name = "location", nullable = false, length = LOCATION_MAX)
    private String location;

    protected EvaluationFinding() {
        // for JPA
    }

    EvaluationFinding(SelfEvaluation evaluation, int position, ScoringOutcome.FindingLine line) {
        this.evaluation = evaluation;
        this.position = position;
        this.severity = line.severity();
        this.code = line.code();
        this.message = line.message();
        this.rowPosition = line.rowPosition();
        this.location = line.location().length() > LOCATION_MAX ? line.location().substring(0, LOCATION_MAX)
                : line.location();
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public Severity severity() {
        return severity;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public Integer rowPosition() {
        return rowPosition;
    }

    public String location() {
        return location;
    }

    public ScoringOutcome.FindingLine toLine() {
        return new ScoringOutcome.FindingLine(severity, code, message, rowPosition, location);
    }
}
