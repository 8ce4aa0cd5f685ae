package cn.perf.web;

import cn.perf.web.audit.AuditVerifyCommand;
import cn.perf.web.config.EmbeddedDatabaseDefault;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * perf — 预算绩效管理. Started with no database configured it runs on an embedded PostgreSQL kept under
 * {@code ./data/} and loads the demo data; with {@code PERF_DB_URL} it uses that server. In demo mode it listens on
 * 127.0.0.1 unless {@code server.address} is configured.
 */
@SpringBootApplication(scanBasePackages = "cn.perf")
public class PerfApplication {

    public static void main(String[] args) {
        try {
            EmbeddedDatabaseDefault.applyIfNoDatabaseConfigured(args);
        } catch (EmbeddedDatabaseDefault.DataDirectoryInUseException e) {
            System.err.println("perf 未启动：" + e.getMessage());
            System.exit(2);
        }
        EmbeddedDatabaseDefault.listenLocallyInDemoMode(args);
        if (AuditVerifyCommand.requested(args)) { // check the audit chain, print the result, exit 0/1/2
            System.exit(AuditVerifyCommand.run(PerfApplication.class, args));
        }
        SpringApplication.run(PerfApplication.class, args);
    }
}
