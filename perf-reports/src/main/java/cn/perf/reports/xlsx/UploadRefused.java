package cn.perf.reports.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * An uploaded file refused as a whole before anything of it is read into a form (issue 10: hostile uploads are
 * refused within a second, with a clear message, and nothing is stored). The {@link #reason()} names the message a
 * page shows ({@code import.refused.<REASON>} with {@link #args()}); {@link #getMessage()} is the same in Chinese
 * for callers without a message bundle.
 */
public final class UploadRefused extends RuntimeException {

    /** Why a file is refused. */
    public enum Reason {
        /** over the configured upload limit */
        TOO_LARGE,
        /** not a zip-based .xlsx at all (a PDF, text, a .docx renamed .xlsx …) */
        NOT_XLSX,
        /** an Excel 97–2003 (.xls) or an encrypted workbook (OLE2 container) */
        OLD_OR_ENCRYPTED,
        /** a macro-enabled workbook (.xlsm, vbaProject.bin, macro sheets, ActiveX) */
        MACRO,
        /** compressed far more than any workbook is (POI's minimum inflate ratio), or too much in all */
        ZIP_BOMB,
        /** one part of the file is larger than the limit once uncompressed */
        ENTRY_TOO_LARGE,
        /** more parts, rows, cells or merged regions than any form has */
        TOO_MANY_PARTS,
        /** an XML part declares a DOCTYPE or an entity (XXE) */
        DOCTYPE,
        /** a cell holds more text than Excel allows in a cell */
        CELL_TOO_LONG,
        /** a workbook, but not one of this system's form templates */
        WRONG_TEMPLATE,
        /** a zip that is not a readable workbook (damaged) */
        UNREADABLE
    }

    private final Reason reason;
    private final transient List<Object> args;

    public UploadRefused(Reason reason, String message, Object... args) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** The message's arguments (sizes in MB, a part's name, a missing label …). */
    public List<Object> args() {
        return args;
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
