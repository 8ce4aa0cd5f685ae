package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean "the database could not serve this request" (the 503 page), as they came out of a real
 * PostgreSQL restart under load (scripts/fault-pg-restart.sh, docs/performance.md): without a database.
 */
class DatabaseUnavailableCausesTest {

    @Test
    void aSaveWhoseConnectionDiedBeforeItsRollbackIsUnavailableNotA500() {
        // Spring's TransactionInterceptor: "Application exception overridden by rollback exception" — the rollback on
        // the dead connection fails with Hikari's "Connection is closed", which has no SQLState
        RuntimeException rollback = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(DatabaseUnavailable.isUnavailable(rollback)).isTrue();
        assertThat(DatabaseUnavailable.isUnavailable(new TransactionSystemException("Could not roll back JDBC "
                + "transaction", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void connectionFailuresAreUnavailable() {
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException(
                "An I/O error occurred while sending to the backend.", "08006", new EOFException())))).isTrue();
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void otherTransactionFailuresAreNot() {
        assertThat(DatabaseUnavailable.isUnavailable(new TransactionSystemException("no transaction"))).isFalse();
        assertThat(DatabaseUnavailable.isUnavailable(new JpaSystemException(new IllegalStateException("x"))))
                .isFalse();
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException("dup", "23505"))))
                .isFalse();
    }
}
