package cn.perf.persistence.evaluation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Makes the package-private self-evaluation read model available to tests of other packages. */
@TestConfiguration
@Import(JpaSelfEvaluationQueries.class)
public class EvaluationQueriesConfiguration {
}
