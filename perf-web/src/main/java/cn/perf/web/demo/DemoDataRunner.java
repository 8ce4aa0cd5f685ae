package cn.perf.web.demo;

import cn.perf.domain.demo.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo data (units, users, the seed forms) when {@code perf.demo-data=true}; idempotent. */
@Component
@Order(0)
@ConditionalOnProperty(name = "perf.demo-data", havingValue = "true")
class DemoDataRunner implements ApplicationRunner {

    private final DemoData demoData;

    DemoDataRunner(DemoData demoData) {
        this.demoData = demoData;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoData.loadIfAbsent();
    }
}
