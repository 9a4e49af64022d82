package io.autogate.gateway.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Scores one job's input file into {@code result.partial.<ext>} with blocking IO, on a runner
 * thread. Resumes from the job's checkpoint: the partial file is cut back to the checkpointed
 * length and the first {@code rowsDone} input records are read but not scored again. Checkpoints
 * (file forced to disk, then {@code job.json}) every {@code checkpointRows} rows and when asked to
 * stop. Used by one thread only.
 */
final class JobRun {
    /** Thrown inside a run when {@link BatchJobs#close()} asks it to stop after a checkpoint. */
    static final class Stopped extends Exception {
        Stopped() {
            super("batch jobs are closing", null, false, false);
        }
    }

    /** Saves a job's record. */
    @FunctionalInterface
    interface Saver {
        void save(JobRecord record) throws IOException;
    }

    private static final int READ_BYTES = 64 * 1024;

    private final BatchJobsConfig config;
    private final Path partial;
    private final ScorerBinding binding;
    private final Saver saver;
    private final BooleanSupplier stopRequested;
    private JobRecord record;
    private long rowsDone;
    private long lastCheckpointRows;

    JobRun(BatchJobsConfig config, Path jobDir, JobRecord record, ScorerBinding binding, Saver saver, BooleanSupplier stopRequested) {
        this.config = config;
        this.partial = partialFile(jobDir, record.status().format());
        this.record = record;
        this.binding = binding;
        this.saver = saver;
        this.stopRequested = stopRequested;
    }

    static Path partialFile(Path jobDir, BatchFormat format) {
        return jobDir.resolve("result.partial." + format.extension());
    }

    static Path resultFile(Path jobDir, BatchFormat format) {
        return jobDir.resolve("result." + format.extension());
    }

    /** Counts the input's records (data rows, bad ones included) without scoring them. */
    static long countRecords(Path input, BatchFormat format, int maxRecordBytes) throws IOException {
        BatchReader reader = format.newReader(maxRecordBytes);
        long count = 0;
        try (InputStream in = Files.newInputStream(input)) {
            byte[] buffer = new byte[READ_BYTES];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                count += reader.feed(buffer, 0, n).size();
            }
        }
        return count + reader.finish().size();
    }

    /** Scores the rest of the input; returns the final record with rows done and the complete partial file. */
    JobRecord run() throws IOException, Stopped {
        long skip = record.status().rowsDone();
        long resultBytes = record.resultBytes();
        if (skip == 0 || !Files.isRegularFile(partial) || Files.size(partial) < resultBytes) {
            skip = 0;
            resultBytes = 0;
            record = record.checkpoint(0, 0);
        }
        rowsDone = skip;
        lastCheckpointRows = skip;
        BatchFormat format = record.status().format();
        BatchReader reader = format.newReader(config.maxRecordBytes());
        BatchWriter writer = format.newWriter(binding.spec());
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                InputStream in = Files.newInputStream(record.input())) {
            out.truncate(resultBytes);
            out.position(resultBytes);
            boolean headerWritten = resultBytes > 0;
            long seen = 0;
            List<BatchRecord> chunk = new ArrayList<>(config.chunkRows());
            byte[] buffer = new byte[READ_BYTES];
            boolean end = false;
            while (!end) {
                int n = in.read(buffer);
                end = n < 0;
                List<BatchRecord> records = end ? reader.finish() : reader.feed(buffer, 0, n);
                if (!headerWritten && reader.header().isPresent()) {
                    writeFully(out, writer.header(reader.header().get()));
                    headerWritten = true;
                }
                for (BatchRecord r : records) {
                    if (++seen > skip) {
                        chunk.add(r);
                        if (chunk.size() >= config.chunkRows()) {
                            scoreChunk(chunk, writer, out);
                        }
                    }
                }
            }
            if (!chunk.isEmpty()) {
                scoreChunk(chunk, writer, out);
            }
            out.force(true);
            record = record.checkpoint(rowsDone, out.position());
        }
        return record;
    }

    /** Renames the finished partial file to the result file. */
    void publish(Path result) throws IOException {
        Files.move(partial, result, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void scoreChunk(List<BatchRecord> chunk, BatchWriter writer, FileChannel out) throws IOException, Stopped {
        List<ScoredRow> scored = ChunkScoring.score(chunk, binding.scorer());
        writeFully(out, writer.rows(chunk, scored));
        rowsDone += chunk.size();
        chunk.clear();
        boolean stop = stopRequested.getAsBoolean();
        if (stop || rowsDone - lastCheckpointRows >= config.checkpointRows()) {
            out.force(false);
            record = record.checkpoint(rowsDone, out.position());
            saver.save(record);
            lastCheckpointRows = rowsDone;
        }
        if (stop) {
            throw new Stopped();
        }
    }

    private static void writeFully(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
