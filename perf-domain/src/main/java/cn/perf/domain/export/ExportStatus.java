package cn.perf.domain.export;

/** Where an export job stands: waiting for a worker, being written, its file ready, or given up. */
public enum ExportStatus {
    QUEUED, RUNNING, DONE, FAILED;

    /** Still to finish (waiting or being written). */
    public boolean unfinished() {
        return this == QUEUED || this == RUNNING;
    }
}
