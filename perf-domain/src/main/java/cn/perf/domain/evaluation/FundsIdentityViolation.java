package cn.perf.domain.evaluation;

import java.util.Objects;

/**
 * One funds identity that the recorded figures break (DESIGN.md §2.3/§3.3), with a Chinese message naming the
 * figures, e.g. "资金结余、结转数 260.00 应等于 结转数 0.00 + 财政收回数 0.00 = 0.00".
 *
 * @param block    the block of the form (市级预算执行情况, 市级财政资金使用情况, 项目资金构成, 项目资金)
 * @param identity the identity in words
 * @param message  the message for people, with the figures
 */
public record FundsIdentityViolation(String block, String identity, String message) {

    public FundsIdentityViolation {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return block + "：" + message;
    }
}
