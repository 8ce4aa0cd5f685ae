package cn.perf.web.audit;

import cn.perf.domain.audit.AuditLog;
import cn.perf.domain.audit.AuditVerification;
import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar perf-web-exec.jar --perf.audit.verify}: checks the audit chain of the configured database
 * (the same settings as the application: {@code PERF_DB_URL} …, or the embedded default under {@code ./data/}),
 * prints the result and exits 0 when the chain is intact, 1 when an entry was altered or deleted (each named by its
 * sequence number), 2 when the check could not run. Loads no demo data and runs no purge; the web server
 * it needs to start listens on a free port of 127.0.0.1 only, for the few seconds the check takes.
 */
public final class AuditVerifyCommand {

    static final String OPTION = "--perf.audit.verify";

    private AuditVerifyCommand() {
    }

    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.equals(OPTION) || a.equals(OPTION + "=true"));
    }

    /** Runs the check with {@code application} as the Spring Boot application class; returns the exit status. */
    public static int run(Class<?> application, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--perf.demo-data=false"; // command-line arguments outrank the embedded default's
        all[args.length + 1] = "--perf.audit.purge-enabled=false";
        // the application's beans need the servlet context (views, security): it starts, on a free local port only
        all[args.length + 2] = "--server.port=0";
        all[args.length + 3] = "--server.address=127.0.0.1";
        SpringApplication app = new SpringApplication(application);
        try (ConfigurableApplicationContext context = app.run(all)) {
            AuditVerification result = context.getBean(AuditLog.class).verify();
            return report(result, System.out);
        } catch (RuntimeException e) {
            System.err.println("审计日志校验无法执行：" + e);
            return 2;
        }
    }

    static int report(AuditVerification result, PrintStream out) {
        out.println(result.describe());
        out.flush();
        return result.intact() ? 0 : 1;
    }
}
