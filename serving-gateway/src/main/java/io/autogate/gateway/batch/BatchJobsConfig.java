package io.autogate.gateway.batch;

import java.nio.file.Path;

/**
 * Settings of {@link BatchJobs}: the {@code root} folder holding one folder per job; the only
 * folder server-side input files may come from ({@code inputDirectory}, {@code null} to refuse
 * server-side inputs); runner {@code threads}; rows per scoring chunk; rows between
 * {@code job.json} checkpoints; the longest input record; and whether jobs found QUEUED or RUNNING
 * at open are resumed ({@code true}) or marked INTERRUPTED.
 */
public record BatchJobsConfig(Path root, Path inputDirectory, int threads, int chunkRows, int checkpointRows,
        int maxRecordBytes, boolean resumeOnOpen) {
    /** Checks the numbers. */
    public BatchJobsConfig {
        if (root == null) {
            throw new IllegalArgumentException("root is required");
        }
        if (threads < 1 || chunkRows < 1 || checkpointRows < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("threads, chunkRows, checkpointRows and maxRecordBytes must be positive");
        }
    }

    /** One runner thread, 1024-row chunks, a checkpoint every 4096 rows, 1 MiB records, resuming jobs. */
    public static BatchJobsConfig defaults(Path root, Path inputDirectory) {
        return new BatchJobsConfig(root, inputDirectory, 1, BatchStreamHandler.DEFAULT_CHUNK_ROWS, 4096,
                CsvChunkParser.DEFAULT_MAX_RECORD_BYTES, true);
    }
}
