package cn.perf.domain.evaluation;

/** A workflow verb was called in a state that does not allow it (e.g. 确认 a 草稿). */
public class WorkflowException extends IllegalStateException {

    WorkflowException(String message) {
        super(message);
    }
}
