package cn.perf.domain.shared;

/**
 * A command started from a version of an aggregate that someone else has changed since: nothing was changed. The
 * page shows the stored version beside the user's unsaved input (a 409 page).
 */
public class StaleVersionException extends RuntimeException {

    private final Long id;
    private final long expected;
    private final long actual;

    public StaleVersionException(String what, Long id, long expected, long actual) {
        super(what + "已被他人修改（当前版本 " + actual + "，页面版本 " + expected + "），请核对后重新保存");
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    public Long id() {
        return id;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
