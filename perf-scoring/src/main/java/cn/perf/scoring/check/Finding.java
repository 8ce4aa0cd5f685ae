package cn.perf.scoring.check;

import java.util.Objects;

/**
 * One consistency finding: severity, code, a Chinese message, and where it is.
 *
 * @param severity  ERROR / WARNING / INFO
 * @param code      stable code for programs
 * @param message   Chinese message for people
 * @param rowNumber 1-based indicator row number on the sheet, or {@code null} for sheet-level findings
 * @param location  human-readable location (e.g. "第5行 预算执行率", "市级财政资金使用情况")
 */
public record Finding(Severity severity, FindingCode code, String message, Integer rowNumber, String location) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        location = location == null ? "" : location;
    }

    public static Finding sheet(Severity severity, FindingCode code, String location, String message) {
        return new Finding(severity, code, message, null, location);
    }

    public static Finding row(Severity severity, FindingCode code, int rowNumber, String indicatorName, String message) {
        return new Finding(severity, code, message, rowNumber, "第" + rowNumber + "行 " + indicatorName);
    }

    @Override
    public String toString() {
        return "[" + severity.label() + "][" + code + "] " + (location.isEmpty() ? "" : location + "：") + message;
    }
}
