package io.autogate.gateway.batch;

import java.nio.file.Path;

/**
 * Everything {@code job.json} keeps about a job: the public status, where the input is, and the
 * checkpoint ({@code resultBytes} of the partial result file hold exactly {@code status.rowsDone()}
 * answered rows, header included). Immutable.
 */
record JobRecord(JobStatus status, Path input, long resultBytes) {
    JobRecord with(JobStatus next) {
        return new JobRecord(next, input, resultBytes);
    }

    JobRecord checkpoint(long rowsDone, long bytes) {
        return new JobRecord(status.progressed(rowsDone), input, bytes);
    }
}
