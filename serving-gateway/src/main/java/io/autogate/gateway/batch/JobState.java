package io.autogate.gateway.batch;

/** The life cycle of a batch job. */
public enum JobState {
    /** Accepted, waiting for a runner thread. */
    QUEUED,
    /** Being scored. */
    RUNNING,
    /** Done; the result file is complete. */
    SUCCEEDED,
    /** Stopped by an error, given in the status. */
    FAILED,
    /** Stopped by a restart and not resumable, with the reason in the status. */
    INTERRUPTED;

    /** Whether the job will not change any more. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}
