package cn.perf.domain.evaluation;

import cn.perf.domain.shared.DomainEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link DomainEvent}s of the 自评表 workflow (DESIGN.md §4, §8): who (the scope's username), which self-evaluation,
 * and the facts ({@code from}/{@code to} status, {@code comment}, a score adjustment's row, scores and reason).
 */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** What every self-evaluation event shares. */
    public interface EvaluationEvent extends DomainEvent {

        Long evaluationId();

        @Override
        default String subjectType() {
            return "evaluation";
        }

        @Override
        default String subjectId() {
            return String.valueOf(evaluationId());
        }
    }

    /** 提交. */
    public record EvaluationSubmitted(Instant occurredAt, String actor, Long evaluationId, Map<String, String> details)
            implements EvaluationEvent {
        public EvaluationSubmitted {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "evaluation.submitted";
        }
    }

    /** 开始审核. */
    public record EvaluationReviewStarted(Instant occurredAt, String actor, Long evaluationId,
                                          Map<String, String> details) implements EvaluationEvent {
        public EvaluationReviewStarted {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "evaluation.review-started";
        }
    }

    /** 调整评分, with the row, the scores before and after, and the reason. */
    public record EvaluationScoreAdjusted(Instant occurredAt, String actor, Long evaluationId,
                                          Map<String, String> details) implements EvaluationEvent {
        public EvaluationScoreAdjusted {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "evaluation.score-adjusted";
        }
    }

    /** 退回, with the comment. */
    public record EvaluationReturned(Instant occurredAt, String actor, Long evaluationId, Map<String, String> details)
            implements EvaluationEvent {
        public EvaluationReturned {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "evaluation.returned";
        }
    }

    /** 确认. */
    public record EvaluationConfirmed(Instant occurredAt, String actor, Long evaluationId, Map<String, String> details)
            implements EvaluationEvent {
        public EvaluationConfirmed {
            details = frozen(details);
        }

        @Override
        public String action() {
            return "evaluation.confirmed";
        }
    }

    /** Details in the given order, null values left out. */
    static Map<String, String> details(String... keyValue) {
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
