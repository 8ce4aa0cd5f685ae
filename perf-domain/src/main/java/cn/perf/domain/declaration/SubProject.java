package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import cn.perf.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A 子项目 of a Suzhou 申报表 (项目资金构成): name + 预算金额 (万元). Owned by its {@link Declaration}. */
@Entity
@Table(name = "declaration_sub_project")
public class SubProject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "declaration_id", nullable = false)
    private Declaration declaration;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "amount", precision = 18, scale = 6)
    private Money amount;

    protected SubProject() {
        // for JPA
    }

    SubProject(Declaration declaration, int position, String name, Money amount) {
        this.declaration = declaration;
        this.position = position;
        revise(name, amount);
    }

    /** A draft may leave the amount empty (null) for now; the lint reports it before submission. */
    void revise(String newName, Money newAmount) {
        if (newAmount != null && newAmount.isNegative()) {
            throw new IllegalArgumentException("子项目“" + newName + "”的预算金额不能为负数：" + newAmount);
        }
        this.name = Texts.require(newName, "子项目名称", 200);
        this.amount = newAmount;
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

    public String name() {
        return name;
    }

    /** 预算金额 (万元); null while a draft leaves it empty. */
    public Money amount() {
        return amount;
    }
}
