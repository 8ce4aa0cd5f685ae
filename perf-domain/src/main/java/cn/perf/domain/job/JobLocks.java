package cn.perf.domain.job;

/**
 * Lets one application node at a time run a background job (the scheduled jobs run on every node). Whoever holds
 * the job's lock runs it; a node that finds it taken skips this turn. A node that dies while holding a lock does not
 * keep it: the lock goes with its database connection. Jobs must still be safe to run again right after one another
 * (each one re-reads what is left to do), since the lock prevents overlapping runs, not a later one.
 */
public interface JobLocks {

    /**
     * Runs {@code work} if no other node (or thread) is running the job named {@code job}; returns whether it ran.
     * An exception of {@code work} is passed on after the lock is released.
     */
    boolean runAlone(String job, Runnable work);

    /**
     * Runs {@code work} once no other node is running the job named {@code job}, waiting up to {@code maxWait} for
     * it (for start-up work every node needs done before it serves, such as loading the demo data).
     *
     * @throws IllegalStateException when the job was still held by another node after {@code maxWait}
     */
    void runInTurn(String job, java.time.Duration maxWait, Runnable work);
}
