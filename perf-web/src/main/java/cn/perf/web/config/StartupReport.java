package cn.perf.web.config;

import cn.perf.domain.demo.DemoOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the application is ready, where it listens, which database it uses and the demo logins. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final boolean demoData;

    StartupReport(Environment environment, @Value("${perf.demo-data:false}") boolean demoData) {
        this.environment = environment;
        this.demoData = demoData;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String database = environment.getProperty("perf.database.description",
                "PostgreSQL " + environment.getProperty("spring.datasource.url"));
        StringBuilder text = new StringBuilder()
                .append("\n==========================================================\n")
                .append(" perf 预算绩效管理 已启动：http://localhost:").append(port).append("/\n")
                .append(" 数据库：").append(database).append('\n');
        String address = environment.getProperty("server.address");
        if (address != null && !address.isBlank()) {
            text.append(" 监听地址：").append(address);
            if (environment.getProperty("perf.listen.local-only", Boolean.class, false)) {
                text.append("（演示模式默认仅本机可访问；如需其他电脑访问，请设置 --server.address=0.0.0.0）");
            }
            text.append('\n');
        }
        if (demoData) {
            text.append(" 演示账号（密码均为 ").append(DemoOrganization.DEMO_PASSWORD).append("）：\n");
            DemoOrganization.LOGINS.forEach(login -> text.append(String.format("   %-16s %s — %s%n",
                    login.username(), login.displayName(), login.unitName())));
        }
        text.append("==========================================================");
        log.info(text.toString());
    }
}
