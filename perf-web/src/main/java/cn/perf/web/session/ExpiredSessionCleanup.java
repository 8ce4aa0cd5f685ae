package cn.perf.web.session;

import cn.perf.domain.job.JobLocks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Deletes expired sessions ({@code delete from spring_session where expiry_time < now}, by its index) once a minute,
 * on one node at a time ({@link JobLocks}): with N nodes, Spring Session's own task would send N identical deletes
 * every minute that wait for each other's row locks. A session past its expiry is refused when read whether or not
 * it was deleted yet, so a late clean-up only leaves rows behind, never lets a session live longer.
 */
final class ExpiredSessionCleanup {

    static final String JOB = "session.cleanup";

    private final JdbcIndexedSessionRepository sessions;
    private final JobLocks locks;

    ExpiredSessionCleanup(JdbcIndexedSessionRepository sessions, JobLocks locks) {
        this.sessions = sessions;
        this.locks = locks;
    }

    @Scheduled(cron = "${perf.session.cleanup-cron:30 * * * * *}")
    void run() {
        locks.runAlone(JOB, sessions::cleanUpExpiredSessions);
    }
}
