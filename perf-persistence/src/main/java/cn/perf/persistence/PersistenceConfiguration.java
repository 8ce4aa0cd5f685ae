package cn.perf.persistence;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entities live in perf-domain (the aggregates), Spring Data adapters here. The application's component scan
 * of {@code cn.perf} finds this class at run time, so perf-web never names a persistence type.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = "cn.perf.domain")
@EnableJpaRepositories(basePackages = "cn.perf.persistence")
public class PersistenceConfiguration {
}
