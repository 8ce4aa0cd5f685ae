package cn.perf.reports.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with an imported form, where the user finds it: the sheet's row as Excel numbers it (0 for the
 * whole file), the field's printed label, and what is wrong — "第 12 行 目标值：无法识别“约35个”". A
 * {@linkplain #blocking() blocking} problem keeps the import from being confirmed (the file cannot be read into the
 * form, or the domain refuses the value, as a page's save would); any other is a notice the form's own checks
 * will show again on the imported draft (an unreadable 目标值, as a page saves it).
 *
 * @param row      the Excel row (1-based), 0 when the problem is not in one row
 * @param field    the field as the form prints it ("目标值"), "" for the whole row or file
 * @param code     the message key: {@code import.problem.*} for the reader's findings, {@code violation.*} for what
 *                 the domain refused
 * @param args     the message's arguments
 * @param message  the same in Chinese, for callers without the message bundle
 * @param blocking whether the import cannot be confirmed while it stands
 */
public record ImportProblem(int row, String field, String code, List<Object> args, String message,
                            boolean blocking) {

    public ImportProblem {
        field = field == null ? "" : field;
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
        Objects.requireNonNull(message, "message");
    }

    /** A blocking problem of the reader, message key {@code import.problem.<code>}; the args as text. */
    static ImportProblem error(int row, String field, String code, String message, Object... args) {
        return new ImportProblem(row, field, "import.problem." + code, texts(args), message, true);
    }

    /** A notice of the reader, message key {@code import.problem.<code>}; the args as text. */
    static ImportProblem notice(int row, String field, String code, String message, Object... args) {
        return new ImportProblem(row, field, "import.problem." + code, texts(args), message, false);
    }

    /** Arguments as text, so that a message prints 2021 and not 2,021. */
    private static List<Object> texts(Object... args) {
        return java.util.Arrays.stream(args).map(a -> (Object) String.valueOf(a)).toList();
    }

    public Object[] argsArray() {
        return args.toArray();
    }

    /** "第 12 行 目标值：无法识别“约35个”…" */
    public String text() {
        return (row > 0 ? "第 " + row + " 行 " : "") + (field.isEmpty() ? "" : field + "：") + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
