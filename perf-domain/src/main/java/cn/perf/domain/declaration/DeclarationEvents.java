package cn.perf.domain.declaration;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link DomainEvent}s of the 申报表 workflow (DESIGN.md §8). Each carries the actor (the scope's username), the
 * declaration's id and its facts in {@link DomainEvent#details()}: {@code from}/{@code to} status, {@code decision},
 * {@code grade}, {@code comment}, and for an edit the {@code before.*}/{@code after.*} values.
 */
public final class DeclarationEvents {

    private DeclarationEvents() {
    }

    /** What every declaration event shares. */
    public interface DeclarationEvent extends DomainEvent {

        Long declarationId();

        @Override
        default String subjectType() {
            return "declaration";
        }

        @Override
        default String subjectId() {
            return String.valueOf(declarationId());
        }
    }

    /** 提交: to the 主管部门. */
    public record DeclarationSubmitted(Instant occurredAt, String actor, Long declarationId,
                                       Map<String, String> details) implements DeclarationEvent {
        public DeclarationSubmitted {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.submitted";
        }
    }

    /** 主管部门审核通过. */
    public record DeclarationReviewed(Instant occurredAt, String actor, Long declarationId,
                                      Map<String, String> details) implements DeclarationEvent {
        public DeclarationReviewed {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.reviewed";
        }
    }

    /** 主管部门退回, with the comment. */
    public record DeclarationReturned(Instant occurredAt, String actor, Long declarationId,
                                      Map<String, String> details) implements DeclarationEvent {
        public DeclarationReturned {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.returned";
        }
    }

    /** 财政审核: 优/良 approved, 中 returned, 差 rejected. */
    public record DeclarationGraded(Instant occurredAt, String actor, Long declarationId,
                                    Map<String, String> details) implements DeclarationEvent {
        public DeclarationGraded {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.graded";
        }

        /** The grade's name ({@code EXCELLENT}, …). */
        public FinanceGrade grade() {
            return FinanceGrade.valueOf(details.get("grade"));
        }
    }

    /** 目标调整 started: {@code adjustment} names the new draft. */
    public record DeclarationAdjustmentStarted(Instant occurredAt, String actor, Long declarationId,
                                               Map<String, String> details) implements DeclarationEvent {
        public DeclarationAdjustmentStarted {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.adjustment-started";
        }
    }

    /** An approved declaration replaced by its approved 目标调整 ({@code supersededBy}). */
    public record DeclarationSuperseded(Instant occurredAt, String actor, Long declarationId,
                                        Map<String, String> details) implements DeclarationEvent {
        public DeclarationSuperseded {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.superseded";
        }
    }

    /** A save of the form: {@code before.<field>}/{@code after.<field>} and a summary of the row changes. */
    public record DeclarationRevised(Instant occurredAt, String actor, Long declarationId,
                                     Map<String, String> details) implements DeclarationEvent {
        public DeclarationRevised {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "declaration.revised";
        }
    }

    /** Details in the given order, null values left out. */
    public static Map<String, String> details(String... keyValue) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValue.length; i += 2) {
            if (keyValue[i + 1] != null) {
                out.put(keyValue[i], keyValue[i + 1]);
            }
        }
        return out;
    }

    private static Map<String, String> frozen(Map<String, String> details) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
    }
}
