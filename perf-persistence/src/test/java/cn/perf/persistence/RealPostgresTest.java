package cn.perf.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RealPostgresTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void testsRunAgainstARealPostgreSqlServer() {
        String version = jdbc.queryForObject("select version()", String.class);
        assertThat(version).startsWith("PostgreSQL ");
        Integer major = jdbc.queryForObject("select current_setting('server_version_num')::int / 10000",
                Integer.class);
        assertThat(major).isGreaterThanOrEqualTo(15);
    }

    @Test
    void flywayAppliedTheMigrationsBeforeHibernateValidatedTheSchema() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version = '1'", Integer.class);
        assertThat(applied).isEqualTo(1);
    }
}
