package cn.perf.domain.evaluation;

/**
 * The few columns of a self-evaluation a live preview needs before anything else: whether the caller may see it
 * (unit and region), which stored version it is, and which regime scores it (the approved declaration's framework
 * code, frozen once the declaration is approved). One indexed row read, no child rows.
 *
 * @param frameworkCode the declaration's indicator framework, or null when the declaration is gone
 */
public record EvaluationStamp(Long id, Long unitId, String unitRegion, long version, EvaluationStatus status,
                              String frameworkCode) {
}
