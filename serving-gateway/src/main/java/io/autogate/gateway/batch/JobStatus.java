package io.autogate.gateway.batch;

import java.time.Instant;

/**
 * The state of one batch job as shown to callers: progress is {@code rowsDone} of
 * {@code rowsTotal} ({@code null} until the input has been counted). Times are {@code null} until
 * they happen; {@code error} is set for FAILED and INTERRUPTED jobs. Immutable.
 */
public record JobStatus(String id, String target, BatchFormat format, JobState state, long rowsDone, Long rowsTotal,
        Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    JobStatus running(Instant now, Long total) {
        return new JobStatus(id, target, format, JobState.RUNNING, rowsDone, total, createdAt, now, null, null);
    }

    JobStatus progressed(long done) {
        return new JobStatus(id, target, format, state, done, rowsTotal, createdAt, startedAt, finishedAt, error);
    }

    JobStatus ended(JobState end, long done, Long total, Instant now, String reason) {
        return new JobStatus(id, target, format, end, done, total, createdAt, startedAt, now, reason);
    }
}
