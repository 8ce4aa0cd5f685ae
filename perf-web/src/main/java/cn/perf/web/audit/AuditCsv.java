package cn.perf.web.audit;

import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The audit export as CSV (RFC 4180): every field quoted, quotes doubled; a field that Excel would take for a
 * formula ({@code = + - @}, tab, carriage return at its start) gets a leading apostrophe, so an attacker's text in
 * the log is never run as a formula by the auditor's spreadsheet.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static void header(Writer out, List<String> names) throws IOException {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, names.get(i));
        }
        out.write("\r\n");
    }

    static void row(Writer out, AuditEntry e, MessageSource messages, Locale locale) throws IOException {
        AuditRecord r = e.record();
        String action = messages.getMessage("audit.action." + r.action(), null, null, locale);
        String[] fields = {String.valueOf(e.seq()), AuditController.SECOND.format(r.occurredAt()), r.actor(),
                r.address(), action == null ? r.action() : action + " (" + r.action() + ")", r.subjectType(),
                r.subjectId(), details(r.details()), e.hash()};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, fields[i]);
        }
        out.write("\r\n");
    }

    static String details(Map<String, String> details) {
        StringBuilder s = new StringBuilder();
        details.forEach((k, v) -> {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(k).append(": ").append(v);
        });
        return s.toString();
    }

    static void field(Writer out, String value) throws IOException {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
    }
}
