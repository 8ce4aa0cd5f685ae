package cn.perf.domain.audit;

import java.util.List;

/**
 * The result of checking the audit chain: how many entries were checked (sequence numbers {@code firstSeq} to
 * {@code lastSeq}; entries up to {@code anchorSeq} were purged after their retention), and every problem found,
 * each naming the entries by sequence number.
 */
public record AuditVerification(long checked, long firstSeq, long lastSeq, long anchorSeq, List<Problem> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** What is wrong with entries {@code fromSeq}–{@code toSeq} (one entry: both the same). */
    public record Problem(Kind kind, long fromSeq, long toSeq) {

        public String describe() {
            String which = fromSeq == toSeq ? "第 " + fromSeq + " 条" : "第 " + fromSeq + "–" + toSeq + " 条";
            return switch (kind) {
                case ALTERED -> which + "被篡改（内容与哈希不符）";
                case MISSING -> which + "缺失（被删除）";
                case LINK_BROKEN -> which + "与前一条的链接断开（前一条被改写并重算哈希，或被替换）";
                case HEAD_MISMATCH -> which + "与链头记录不符（最后一条被改写并重算哈希）";
                case UNEXPECTED -> which + "不应存在（绕过日志写入，或应已清理）";
            };
        }
    }

    public enum Kind {
        /** The stored content does not hash to the stored hash. */
        ALTERED,
        /** Sequence numbers with no entry: deleted. */
        MISSING,
        /** The entry's previous hash is not the previous entry's hash: that one was rewritten with a new hash. */
        LINK_BROKEN,
        /** The last entry's hash is not the one the chain head recorded. */
        HEAD_MISMATCH,
        /** An entry beyond the chain head or at or below the purge anchor. */
        UNEXPECTED
    }

    /** One line per problem, or the all-clear; for the command line and logs. */
    public String describe() {
        if (intact()) {
            return "审计日志校验通过：共 " + checked + " 条" + (checked > 0 ? "（序号 " + firstSeq + "–" + lastSeq + "）" : "")
                    + (anchorSeq > 0 ? "，序号 " + anchorSeq + " 及以前已按保存期限清理" : "") + "。";
        }
        StringBuilder s = new StringBuilder("审计日志校验失败：共检查 ").append(checked).append(" 条，发现 ")
                .append(problems.size()).append(" 处问题：");
        problems.forEach(p -> s.append("\n  - ").append(p.describe()));
        return s.toString();
    }
}
