package cn.perf.domain.export;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where export jobs and their files are kept: a table of PostgreSQL shared by every application node. Every change of a
 * running job names the node that claimed it, so a node that was given up for dead cannot overwrite what another node
 * did since.
 */
public interface ExportJobs {

    /** Queues a new job; returns its id. */
    long add(String owner, ExportKind kind, String parameters, String title, Instant now, Instant expiresAt);

    /**
     * Queues a new job unless the owner already has {@code maxUnfinished} jobs waiting or being written; its id, or
     * empty when refused. The count and the insert are one step for the owner across nodes: two requests at the same
     * moment (two tabs, two nodes, an API client retrying) cannot both pass the count.
     */
    OptionalLong addUnlessBusy(String owner, int maxUnfinished, ExportKind kind, String parameters, String title,
                               Instant now, Instant expiresAt);

    /** How many of the owner's jobs are waiting or being written. */
    int unfinished(String owner);

    /** Job {@code id} of {@code owner} (without its file), unless it expired by {@code now}. */
    Optional<ExportJob> find(long id, String owner, Instant now);

    /** The owner's jobs that have not expired, newest first, without their files. */
    List<ExportJob> ofOwner(String owner, Instant now);

    /** The file of the owner's finished job {@code id}, unless it expired by {@code now}. */
    Optional<ExportFile> file(long id, String owner, Instant now);

    /**
     * Takes the oldest waiting job for {@code node} (skipping jobs another node is taking at the same moment): it is
     * running from now, with one more attempt.
     */
    Optional<ExportJob> claim(String node, Instant now);

    /** Notes that {@code node} is still writing jobs {@code ids}. */
    void beat(String node, Collection<Long> ids, Instant now);

    /** Stores the file of job {@code id}, if {@code node} still holds it; whether it did. */
    boolean finish(long id, String node, ExportFile file, int rows, Instant now);

    /** Gives job {@code id} up with {@code error}, if {@code node} still holds it; whether it did. */
    boolean fail(long id, String node, String error, Instant now);

    /**
     * Puts every job {@code node} is running back in the queue, that attempt not counted (the node is stopping: a
     * rolling update, not a failure); how many.
     */
    int release(String node, Instant now);

    /**
     * Running jobs whose last beat is before {@code silentSince} (their node died): back in the queue, or given up with
     * {@code error} once they were started {@code maxAttempts} times. Returns how many were put back or given up.
     */
    int recover(Instant silentSince, int maxAttempts, String error, Instant now);

    /** Removes every job that expired by {@code now}, and the owner's finished jobs beyond the {@code keep} newest. */
    void prune(String owner, int keep, Instant now);

    /** Jobs waiting and running on every node, and how long the oldest waiting one has waited by {@code now}. */
    ExportBacklog backlog(Instant now);

    /** Removes every job that expired by {@code now}; how many. */
    int purge(Instant now);
}
