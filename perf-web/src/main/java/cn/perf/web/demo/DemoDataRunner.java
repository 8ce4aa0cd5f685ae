package cn.perf.web.demo;

import cn.perf.domain.demo.DemoData;
import cn.perf.domain.job.JobLocks;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data (units, users, the seed forms) when {@code perf.demo-data=true}; idempotent. It runs once all
 * singletons exist (Flyway has migrated) and before the web server starts, so the app never answers HTTP before the
 * demo accounts exist. Nodes started together against one database take turns ({@link JobLocks}, job
 * {@value #JOB}): the first loads, the others wait for it and then find everything there, so no seed is loaded twice.
 */
@Component
@ConditionalOnProperty(name = "perf.demo-data", havingValue = "true")
class DemoDataRunner implements SmartInitializingSingleton {

    static final String JOB = "demo-data.load";

    private final DemoData demoData;
    private final JobLocks locks;

    DemoDataRunner(DemoData demoData, JobLocks locks) {
        this.demoData = demoData;
        this.locks = locks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        locks.runInTurn(JOB, Duration.ofMinutes(5), demoData::loadIfAbsent);
    }
}
