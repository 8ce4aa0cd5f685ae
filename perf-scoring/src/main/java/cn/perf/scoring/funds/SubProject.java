package cn.perf.scoring.funds;

import java.math.BigDecimal;
import java.util.Objects;

/** 子项目: name and amount (万元). */
public record SubProject(String name, BigDecimal amount) {
    public SubProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
    }
}
