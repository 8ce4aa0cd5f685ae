package cn.perf.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.audit.AuditEntry;
import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditRecord;
import cn.perf.testdb.TestDatabase;
import cn.perf.web.PerfApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * {@code --perf.audit.verify}: the application started as a command against the same database prints the result
 * and returns 0 for an intact chain, 1 with the altered entry's sequence number after a superuser changed a row.
 */
@SpringBootTest(properties = "perf.demo-data=true")
@AutoConfigureMockMvc
class AuditVerifyCommandTest {

    @Autowired
    AuditLog log;

    @Test
    void theCommandOptionIsRecognised() {
        assertThat(AuditVerifyCommand.requested("--perf.audit.verify")).isTrue();
        assertThat(AuditVerifyCommand.requested("--perf.audit.verify=true")).isTrue();
        assertThat(AuditVerifyCommand.requested("--perf.demo-data=true")).isFalse();
    }

    @Test
    void theCommandPrintsTheResultAndExitsNonZeroNamingAnAlteredEntry() throws Exception {
        AuditEntry target = log.append(new AuditRecord(Instant.now(), "filer-001239", "10.0.0.9",
                "declaration.edited", "declaration", "cmd-test", Map.of("after.projectName", "PROJECT-A")));

        assertThat(run()).startsWith("0|").contains("审计日志校验通过");
        try {
            superuser("update audit_entry set details = replace(details, 'PROJECT-A', 'PROJECT-B') where seq = "
                    + target.seq());
            String failed = run();
            assertThat(failed).startsWith("1|").contains("第 " + target.seq() + " 条被篡改");
        } finally {
            superuser("update audit_entry set details = replace(details, 'PROJECT-B', 'PROJECT-A') where seq = "
                    + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    /** Runs the command in this JVM; its exit status and what it printed, as {@code status|output}. */
    static String run() {
        TestDatabase.Connection db = TestDatabase.get();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = AuditVerifyCommand.run(PerfApplication.class, "--perf.audit.verify",
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                    "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=2",
                    "--spring.main.banner-mode=off");
        } finally {
            System.setOut(original);
        }
        return status + "|" + captured.toString(StandardCharsets.UTF_8);
    }

    static void superuser(String sql) throws Exception {
        try (Connection c = TestDatabase.open(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute(sql);
        }
    }
}
