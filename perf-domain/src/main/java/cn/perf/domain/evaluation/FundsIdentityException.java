package cn.perf.domain.evaluation;

import java.util.List;
import java.util.stream.Collectors;

/** Figures entered by a filer break a funds identity; the message names every figure involved. */
public class FundsIdentityException extends IllegalArgumentException {

    private final transient List<FundsIdentityViolation> violations;

    FundsIdentityException(List<FundsIdentityViolation> violations) {
        super(violations.stream().map(FundsIdentityViolation::toString).collect(Collectors.joining("；")));
        this.violations = List.copyOf(violations);
    }

    public List<FundsIdentityViolation> violations() {
        return violations;
    }
}
