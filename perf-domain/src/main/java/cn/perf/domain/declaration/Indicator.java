package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import cn.perf.domain.shared.IndicatorValue;
import cn.perf.scoring.target.Direction;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A 绩效指标 row of a {@link Declaration}: Suzhou 分解目标 (类别, 对应子项目名称, 指标名称, 目标值, 指标解释, 目标值来源)
 * or national (一级/二级/指标内容/指标值 in the 长期 or 年度 table, plus the optional 101号 fields). The target keeps
 * its original text ({@link IndicatorValue}). Owned by its declaration; changed only through it.
 */
@Entity
@Table(name = "declaration_indicator")
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "declaration_id", nullable = false)
    private Declaration declaration;

    @Column(name = "position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "term", nullable = false, length = 16)
    private IndicatorTerm term;

    @Column(name = "category", nullable = false, length = 64)
    private String category;

    @Column(name = "sub_category", length = 64)
    private String subCategory;

    @Column(name = "name", nullable = false, length = 500)
    private String name;

    @Embedded
    @AttributeOverride(name = "originalText", column = @Column(name = "target_text", nullable = false, columnDefinition = "text"))
    @AttributeOverride(name = "kind", column = @Column(name = "target_kind", nullable = false, length = 16))
    @AttributeOverride(name = "operator", column = @Column(name = "target_operator", length = 16))
    @AttributeOverride(name = "number", column = @Column(name = "target_number", precision = 24, scale = 6))
    @AttributeOverride(name = "magnitude", column = @Column(name = "target_magnitude", length = 8))
    @AttributeOverride(name = "unit", column = @Column(name = "target_unit", length = 16))
    @AttributeOverride(name = "direction", column = @Column(name = "target_direction", length = 24))
    @AttributeOverride(name = "directionConfirmed", column = @Column(name = "target_direction_confirmed", nullable = false))
    @AttributeOverride(name = "parseError", column = @Column(name = "target_parse_error", length = 500))
    private IndicatorValue target;

    @Column(name = "explanation", columnDefinition = "text")
    private String explanation;

    @Column(name = "target_basis", length = 1000)
    private String targetBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis_kind", length = 16)
    private BasisKind basisKind;

    @Column(name = "measure_unit", length = 32)
    private String measureUnit;

    @Column(name = "weight", precision = 6, scale = 2)
    private BigDecimal weight;

    @Column(name = "library_entry_id")
    private Long libraryEntryId;

    @ManyToMany
    @JoinTable(name = "declaration_indicator_sub_project",
            joinColumns = @JoinColumn(name = "indicator_id"),
            inverseJoinColumns = @JoinColumn(name = "sub_project_id"))
    @OrderColumn(name = "position")
    private List<SubProject> subProjects = new ArrayList<>();

    protected Indicator() {
        // for JPA
    }

    Indicator(Declaration declaration, int position, IndicatorDraft draft, List<SubProject> linked) {
        this.declaration = declaration;
        this.position = position;
        revise(draft, linked);
    }

    void revise(IndicatorDraft d, List<SubProject> linked) {
        // a draft may leave the name and category empty for now (stored as ""); the lint blocks submission
        this.name = nullToEmpty(Texts.optional(d.name(), "指标名称", 500));
        this.category = nullToEmpty(Texts.optional(d.category(), "指标“" + name + "”的类别", 64));
        this.term = d.term();
        this.subCategory = Texts.optional(d.subCategory(), "二级指标", 64);
        if (d.targetText().length() > 2000) {
            throw new IllegalArgumentException("指标“" + name + "”的目标值不能超过 2000 个字");
        }
        this.target = IndicatorValue.of(d.targetText());
        this.explanation = Texts.block(d.explanation(), "指标解释");
        this.targetBasis = Texts.optional(d.targetBasis(), "目标值来源", 1000);
        this.basisKind = d.basisKind();
        this.measureUnit = Texts.optional(d.measureUnit(), "计量单位", 32);
        if (d.weight() != null && d.weight().stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("指标“" + name + "”的权重最多两位小数：" + d.weight().toPlainString());
        }
        // two decimals, as numeric(6, 2) gives it back: the row as written is the row read again
        this.weight = d.weight() == null ? null : d.weight().setScale(2, RoundingMode.UNNECESSARY);
        this.libraryEntryId = d.libraryEntryId();
        this.subProjects.clear();
        this.subProjects.addAll(linked);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    void confirmDirection(Direction direction) {
        this.target = target.withDirection(direction);
    }

    void unlink(SubProject subProject) {
        subProjects.remove(subProject);
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public IndicatorTerm term() {
        return term;
    }

    /** 类别 / 一级指标. */
    public String category() {
        return category;
    }

    /** 二级指标 (national), or null. */
    public String subCategory() {
        return subCategory;
    }

    /** 指标名称 / 指标内容. */
    public String name() {
        return name;
    }

    /** 目标值 / 指标值 with its original text. */
    public IndicatorValue target() {
        return target;
    }

    /** 指标解释. */
    public String explanation() {
        return explanation;
    }

    /** 目标值来源. */
    public String targetBasis() {
        return targetBasis;
    }

    public BasisKind basisKind() {
        return basisKind;
    }

    /** 计量单位. */
    public String measureUnit() {
        return measureUnit;
    }

    /** 权重, where one was given (投入 rows from the library). */
    public BigDecimal weight() {
        return weight;
    }

    public Long libraryEntryId() {
        return libraryEntryId;
    }

    /** 对应子项目 in printed order. */
    public List<SubProject> subProjects() {
        return List.copyOf(subProjects);
    }

    public List<String> subProjectNames() {
        return subProjects.stream().map(SubProject::name).toList();
    }

    /** The draft this row was filed as (to edit a copy). */
    public IndicatorDraft toDraft() {
        return new IndicatorDraft(term, category, subCategory, name, target.originalText(), explanation, targetBasis,
                basisKind, measureUnit, weight, subProjectNames(), libraryEntryId);
    }
}
