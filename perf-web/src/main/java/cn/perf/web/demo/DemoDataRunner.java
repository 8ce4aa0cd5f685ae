package cn.perf.web.demo;

import cn.perf.domain.demo.DemoData;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data (units, users, the seed forms) when {@code perf.demo-data=true}; idempotent. It runs once all
 * singletons exist (Flyway has migrated) and before the web server starts, so the app never answers HTTP before the
 * demo accounts exist.
 */
@Component
@ConditionalOnProperty(name = "perf.demo-data", havingValue = "true")
class DemoDataRunner implements SmartInitializingSingleton {

    private final DemoData demoData;

    DemoDataRunner(DemoData demoData) {
        this.demoData = demoData;
    }

    @Override
    public void afterSingletonsInstantiated() {
        demoData.loadIfAbsent();
    }
}
