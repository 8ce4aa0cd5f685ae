package cn.perf.persistence.job;

import cn.perf.domain.job.JobLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * {@link JobLocks} as PostgreSQL session-level advisory locks: {@code pg_try_advisory_lock(key1, key2)} with
 * {@code key1} = {@link #NAMESPACE} and {@code key2} = {@code hashtext(job)}, taken and released on one connection
 * of the pool that is held for the job's run (the job's own statements use other connections). No table and no
 * lease time: when a node dies, PostgreSQL ends its connections and their locks with them, so the next run on
 * another node is never held up (a lease-based lock such as ShedLock's would wait out its "lock at most for").
 * The two-key form lives in a key space of its own, apart from the one-key lock of the audit purge.
 */
@Component
public class PostgresJobLocks implements JobLocks {

    /** First key of every job lock: "perf" in ASCII. */
    static final int NAMESPACE = 0x70657266;

    private final DataSource dataSource;

    public PostgresJobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean runAlone(String job, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // no transaction stays open on it while the job runs
            if (!call(connection, "select pg_try_advisory_lock(?, hashtext(?))", job)) {
                return false;
            }
            try {
                work.run();
            } finally {
                // A failed unlock means a broken connection: its PostgreSQL session, and the lock, are gone with it.
                call(connection, "select pg_advisory_unlock(?, hashtext(?))", job);
            }
            return true;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("job lock " + job + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void runInTurn(String job, Duration maxWait, Runnable work) {
        // polls instead of pg_advisory_lock: a blocking wait would run into the pool's statement_timeout
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!runAlone(job, work)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job + " still held by another node after " + maxWait);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job " + job, e);
            }
        }
    }

    private static boolean call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setString(2, job);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
