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

    /**
     * Under overload a kept page had set {@code Content-Encoding: gzip} and its length when writing the session failed
     * for want of a connection: the 503 page then went out under those headers and clients could not read it.
     */
    @Test
    void the503PageDropsTheHeadersThePageHadSet() throws Exception {
        var filter = new DatabaseUnavailable.Filter(7, new org.springframework.beans.factory.support
                .StaticListableBeanFactory().getBeanProvider(UnavailableAnswer.class));
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/declarations/5/edit");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setHeader("Content-Encoding", "gzip");
            http.setContentLengthLong(15_321);
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("pool exhausted",
                    new SQLException("Connection is not available, request timed out after 3000ms.", "08001"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getHeader("Content-Encoding")).isNull();
        assertThat(response.getHeader("Content-Length")).isNull();
    }
}
