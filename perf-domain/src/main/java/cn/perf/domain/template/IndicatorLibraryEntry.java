package cn.perf.domain.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * One common indicator (共性指标) of a project type, e.g. the 投入类共性指标 of 信息化工程及维护类 from
 * 《2017年度苏州市级财政支出项目绩效评价“投入”类共性指标》: name, target, explanation and source as the forms print
 * them, and the weight the self-evaluation gives it. Rows come from Flyway ({@code V4__indicator_library.sql}).
 *
 * <p>The 申报表 (seeds 000/001) prints ten rows ({@link #onDeclaration()}); the 2020 自评表 (seed 002) prints fourteen
 * ({@link #onSelfEvaluation()}, in {@link #selfEvaluationPosition()} order, weights 3,3,1,1,6,3,1,1,1,2,1,1,1,1 = 26):
 * it splits 工程管理规范性 into the four rows its explanation names ({@link #partOf()} = 工程管理规范性) and adds
 * 各级财政应承担资金到位率. Where seed 002 prints a name differently (可行研究充分性) it is kept in
 * {@link #selfEvaluationName()}.
 */
@Entity
@Table(name = "indicator_library_entry")
public class IndicatorLibraryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "framework_code", nullable = false, length = 32)
    private String frameworkCode;

    @Column(name = "project_type", nullable = false, length = 64)
    private String projectType;

    @Column(name = "category", nullable = false, length = 64)
    private String category;

    /** Order on the 申报表 (null for rows the 申报表 does not print). */
    @Column(name = "position")
    private Integer position;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "target_text", nullable = false, length = 200)
    private String targetText;

    @Column(name = "explanation", columnDefinition = "text")
    private String explanation;

    @Column(name = "target_basis", length = 500)
    private String targetBasis;

    /** 权重 in the self-evaluation; null when the guidance gives the row none of its own. */
    @Column(name = "weight", precision = 6, scale = 2)
    private BigDecimal weight;

    @Column(name = "on_declaration", nullable = false)
    private boolean onDeclaration;

    @Column(name = "on_self_evaluation", nullable = false)
    private boolean onSelfEvaluation;

    @Column(name = "self_evaluation_position")
    private Integer selfEvaluationPosition;

    @Column(name = "self_evaluation_name", length = 200)
    private String selfEvaluationName;

    @Column(name = "self_evaluation_target_text", length = 200)
    private String selfEvaluationTargetText;

    @Column(name = "part_of", length = 200)
    private String partOf;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IndicatorLibraryEntry() {
        // for JPA
    }

    public Long id() {
        return id;
    }

    public String frameworkCode() {
        return frameworkCode;
    }

    public String projectType() {
        return projectType;
    }

    public String category() {
        return category;
    }

    public Integer position() {
        return position;
    }

    public String name() {
        return name;
    }

    /** 目标值 as the 申报表 prints it (e.g. {@code 100%}, {@code 15%及其以下}). */
    public String targetText() {
        return targetText;
    }

    public String explanation() {
        return explanation;
    }

    /** 目标值来源. */
    public String targetBasis() {
        return targetBasis;
    }

    public BigDecimal weight() {
        return weight;
    }

    public boolean onDeclaration() {
        return onDeclaration;
    }

    public boolean onSelfEvaluation() {
        return onSelfEvaluation;
    }

    public Integer selfEvaluationPosition() {
        return selfEvaluationPosition;
    }

    /** The name as the 自评表 prints it: {@link #name()} unless seed 002 spells it differently. */
    public String selfEvaluationName() {
        return selfEvaluationName == null ? name : selfEvaluationName;
    }

    /** The 目标值 as the 自评表 prints it (seed 002 writes {@code =100%} where the 申报表 writes {@code 100%}). */
    public String selfEvaluationTargetText() {
        return selfEvaluationTargetText == null ? targetText : selfEvaluationTargetText;
    }

    /** The 申报表 row this self-evaluation row refines (工程管理规范性), or null. */
    public String partOf() {
        return partOf;
    }
}
