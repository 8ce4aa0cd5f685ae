package cn.perf.web.audit;

import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditSearch;
import cn.perf.domain.audit.AuditVerification;
import cn.perf.domain.shared.DomainEventPublisher;
import cn.perf.domain.shared.ResultPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 审计日志 ({@code /admin/audit}), for the audit administrator only (三员分立): search (time range, 操作人, 操作,
 * 对象类型/编号, text in the details; newest first, paginated), export of everything that matches as CSV (UTF-8 with
 * a byte-order mark so Excel reads the Chinese; streamed), and 校验 (the hash chain checked end to end, every broken
 * entry named by its sequence number). Exporting and checking are themselves recorded.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(BEIJING);

    private final AuditLog log;
    private final DomainEventPublisher events;
    private final MessageSource messages;

    AuditController(AuditLog log, DomainEventPublisher events, MessageSource messages) {
        this.log = log;
        this.events = events;
        this.messages = messages;
    }

    /** The search form's fields, as the page posts them back. */
    record Criteria(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, String action,
                    String subjectType, String subjectId, String q, Integer page, Integer size) {

        Criteria {
            AuditSearch normal = new AuditSearch(null, null, actor, action, subjectType, subjectId, q,
                    page == null ? 0 : page, size == null ? 20 : size);
            actor = normal.actor();
            action = normal.action();
            subjectType = normal.subjectType();
            subjectId = normal.subjectId();
            q = normal.text();
            page = normal.page();
            size = normal.size();
        }

        AuditSearch search() {
            return new AuditSearch(from == null ? null : from.atStartOfDay(BEIJING).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(BEIJING).toInstant(), actor, action, subjectType,
                    subjectId, q, page, size);
        }
    }

    @GetMapping
    String list(@ModelAttribute("criteria") Criteria criteria, Model model) {
        ResultPage<AuditEntry> result = log.search(criteria.search());
        model.addAttribute("result", result);
        model.addAttribute("rows", result.rows().stream().map(AuditRow::of).toList());
        return "audit/list";
    }

    @PostMapping("/verify")
    String verify(@ModelAttribute("criteria") Criteria criteria, Principal principal, Model model) {
        AuditVerification verification = log.verify();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("intact", String.valueOf(verification.intact()));
        details.put("checked", String.valueOf(verification.checked()));
        details.put("problems", String.join("; ", verification.problems().stream()
                .map(AuditVerification.Problem::describe).toList()));
        events.publish(new AuditAction(Instant.now(), principal.getName(), "audit.verified", "audit", null, details));
        model.addAttribute("verification", verification);
        return list(criteria, model);
    }

    @GetMapping("/export.csv")
    void export(@ModelAttribute("criteria") Criteria criteria, Principal principal, Locale locale,
                HttpServletResponse response) throws IOException {
        AuditSearch search = criteria.search();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", String.valueOf(criteria.from()));
        details.put("to", String.valueOf(criteria.to()));
        details.put("actor", String.valueOf(search.actor()));
        details.put("action", String.valueOf(search.action()));
        details.put("subjectType", String.valueOf(search.subjectType()));
        details.put("subjectId", String.valueOf(search.subjectId()));
        details.put("text", String.valueOf(search.text()));
        events.publish(new AuditAction(Instant.now(), principal.getName(), "audit.exported", "audit", null,
                details));

        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-"
                + FILE_TIME.format(Instant.now()) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write('\uFEFF'); // UTF-8 byte-order mark: Excel then reads the file as UTF-8
        AuditCsv.header(out, List.of("seq", "time", "actor", "address", "action", "subjectType", "subjectId",
                "details", "hash").stream().map(k -> messages.getMessage("audit.col." + k, null, k, locale))
                .toList());
        log.export(search, entry -> {
            try {
                AuditCsv.row(out, entry, messages, locale);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** One table row: the entry with its time in Beijing time. */
    record AuditRow(long seq, String time, String actor, String address, String action, String subjectType,
                    String subjectId, Map<String, String> details, String hash) {

        static AuditRow of(AuditEntry e) {
            return new AuditRow(e.seq(), SECOND.format(e.record().occurredAt()), e.record().actor(),
                    e.record().address(), e.record().action(), e.record().subjectType(), e.record().subjectId(),
                    e.record().details(), e.hash());
        }

        public String shortHash() {
            return hash.substring(0, 12);
        }
    }
}
