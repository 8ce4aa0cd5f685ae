package cn.perf.persistence;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The configuration that persistence slice tests ({@code @DataJpaTest}) start from. */
@SpringBootApplication(scanBasePackages = "cn.perf")
@Import(PersistenceConfiguration.class) // slice tests filter scanned configuration out
class PersistenceTestApplication {
}
