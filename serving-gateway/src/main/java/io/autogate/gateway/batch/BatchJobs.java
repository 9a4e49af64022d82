package io.autogate.gateway.batch;

import io.autogate.gateway.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Asynchronous batch jobs. Each job lives in {@code <root>/<jobId>/}: {@code job.json} (status and
 * checkpoint), {@code input.<ext>} for uploads, and the result, written to
 * {@code result.partial.<ext>} and renamed to {@code result.<ext>} when complete. Jobs run on a
 * dedicated pool of {@link BatchJobsConfig#threads()} threads with blocking file IO, using the
 * same readers and writers as streamed requests, and outlive the request that created them.
 *
 * <p>{@link #close()} lets running jobs stop at their next chunk after a checkpoint and leaves
 * them RUNNING (queued ones QUEUED); {@link #open} finds such jobs and, when
 * {@link BatchJobsConfig#resumeOnOpen()}, resumes them from their checkpoint (rows already in the
 * partial result are not scored again), otherwise, or when their input is gone, marks them
 * INTERRUPTED with the reason.
 *
 * <p>Thread-safe. {@link #submit}, {@link #open} and {@link #close} do blocking file IO: call them
 * off the event loop.
 */
public final class BatchJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchJobs.class.getName());

    private final BatchJobsConfig config;
    private final Function<String, ScorerBinding> resolver;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runners;
    private volatile boolean closing;

    private BatchJobs(BatchJobsConfig config, Function<String, ScorerBinding> resolver, Clock clock, RandomGenerator random) {
        this.config = config;
        this.resolver = resolver;
        this.clock = clock;
        this.random = random;
        AtomicInteger threadCount = new AtomicInteger();
        this.runners = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread thread = new Thread(task, "batch-job-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the job folder {@code config.root()} (created when missing), loads every job in it and
     * resumes or interrupts unfinished ones. {@code resolver} maps a job target to its scorer and
     * output columns; it throws an {@link ApiException} (e.g. 404) for an unknown target. Folders
     * that are not jobs, or whose {@code job.json} cannot be read, are skipped with a warning.
     */
    public static BatchJobs open(BatchJobsConfig config, Function<String, ScorerBinding> resolver, Clock clock,
            RandomGenerator random) throws IOException {
        BatchJobs batchJobs = new BatchJobs(config, resolver, clock, random);
        Files.createDirectories(config.root());
        batchJobs.loadExisting();
        return batchJobs;
    }

    /**
     * Creates and queues a job. The target is resolved now, so an unknown one fails here. A
     * server-side input must be a regular file inside {@link BatchJobsConfig#inputDirectory()};
     * an upload is moved into the job folder.
     *
     * @throws ApiException 400 for a bad input, or whatever the resolver throws for the target
     */
    public JobStatus submit(JobSpec spec) {
        if (closing) {
            throw new ApiException(503, "unavailable", "batch jobs are shutting down");
        }
        resolver.apply(spec.target());
        Path serverInput = spec.upload() ? null : checkServerInput(spec.input());
        if (spec.upload() && !Files.isRegularFile(spec.input())) {
            throw ApiException.badRequest("uploaded input " + spec.input().getFileName() + " is not a file");
        }
        String id = nextId();
        Path dir = config.root().resolve(id);
        try {
            Files.createDirectories(dir);
            Path input = serverInput;
            if (spec.upload()) {
                input = dir.resolve("input." + spec.format().extension());
                Files.move(spec.input(), input, StandardCopyOption.REPLACE_EXISTING);
            }
            JobStatus status = new JobStatus(id, spec.target(), spec.format(), JobState.QUEUED, 0, null,
                    clock.instant(), null, null, null);
            JobRecord record = new JobRecord(status, input.toAbsolutePath(), 0);
            save(record);
            runners.execute(() -> run(id));
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create batch job " + id, e);
        }
    }

    /** The job's status; empty when there is no such job; a 400 when {@code id} is not a job id. */
    public Optional<JobStatus> get(String id) {
        return Optional.ofNullable(jobs.get(JobIds.check(id))).map(JobRecord::status);
    }

    /** All jobs, oldest first. */
    public List<JobStatus> list() {
        List<JobStatus> out = new ArrayList<>();
        for (JobRecord record : jobs.values()) {
            out.add(record.status());
        }
        out.sort(Comparator.comparing(JobStatus::createdAt).thenComparing(JobStatus::id));
        return out;
    }

    /** The result file of a SUCCEEDED job; empty otherwise; a 400 when {@code id} is not a job id. */
    public Optional<Path> result(String id) {
        JobRecord record = jobs.get(JobIds.check(id));
        if (record == null || record.status().state() != JobState.SUCCEEDED) {
            return Optional.empty();
        }
        Path result = JobRun.resultFile(config.root().resolve(id), record.status().format());
        return Files.isRegularFile(result) ? Optional.of(result) : Optional.empty();
    }

    /**
     * Stops taking jobs, lets running ones stop after a checkpoint (they stay RUNNING, queued ones
     * stay QUEUED, to be resumed by the next {@link #open}) and waits up to 30 seconds for them.
     */
    @Override
    public void close() {
        closing = true;
        runners.shutdown();
        try {
            if (!runners.awaitTermination(30, TimeUnit.SECONDS)) {
                runners.shutdownNow();
            }
        } catch (InterruptedException e) {
            runners.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized String nextId() {
        String id;
        do {
            id = JobIds.next(random);
        } while (jobs.containsKey(id) || Files.exists(config.root().resolve(id)));
        return id;
    }

    private Path checkServerInput(Path input) {
        if (config.inputDirectory() == null) {
            throw ApiException.badRequest("input: server-side input files are not enabled; upload the body instead");
        }
        try {
            Path allowed = config.inputDirectory().toRealPath();
            Path real = input.toRealPath();
            if (!real.startsWith(allowed) || !Files.isRegularFile(real)) {
                throw ApiException.badRequest("input: '" + input + "' is not a file in the batch input directory");
            }
            return real;
        } catch (IOException e) {
            throw ApiException.badRequest("input: '" + input + "' does not exist");
        }
    }

    private void loadExisting() throws IOException {
        List<JobRecord> unfinished = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(config.root())) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String id = dir.getFileName().toString();
                if (!JobIds.valid(id) || !Files.isRegularFile(dir.resolve(JobStore.JOB_FILE))) {
                    continue;
                }
                try {
                    JobRecord record = JobStore.read(dir);
                    jobs.put(id, record);
                    if (!record.status().state().terminal()) {
                        unfinished.add(record);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "skipping batch job folder " + dir + ": job.json cannot be read: " + e.getMessage());
                }
            }
        }
        unfinished.sort(Comparator.comparing((JobRecord r) -> r.status().createdAt()));
        for (JobRecord record : unfinished) {
            if (!config.resumeOnOpen()) {
                interrupt(record, "interrupted by a restart");
            } else if (!Files.isRegularFile(record.input())) {
                interrupt(record, "interrupted by a restart and cannot resume: input file is missing");
            } else {
                String id = record.status().id();
                runners.execute(() -> run(id));
            }
        }
    }

    private void interrupt(JobRecord record, String reason) throws IOException {
        JobStatus s = record.status();
        save(record.with(s.ended(JobState.INTERRUPTED, s.rowsDone(), s.rowsTotal(), clock.instant(), reason)));
    }

    private void run(String id) {
        if (closing) {
            return;
        }
        JobRecord record = jobs.get(id);
        Path dir = config.root().resolve(id);
        BatchFormat format = record.status().format();
        try {
            ScorerBinding binding = resolver.apply(record.status().target());
            Long total = record.status().rowsTotal();
            if (total == null) {
                total = JobRun.countRecords(record.input(), format, config.maxRecordBytes());
            }
            record = record.with(record.status().running(clock.instant(), total));
            save(record);
            JobRun jobRun = new JobRun(config, dir, record, binding, this::save, () -> closing);
            JobRecord done = jobRun.run();
            jobRun.publish(JobRun.resultFile(dir, format));
            JobStatus s = done.status();
            save(done.with(s.ended(JobState.SUCCEEDED, s.rowsDone(), s.rowsDone(), clock.instant(), null)));
        } catch (JobRun.Stopped e) {
            LOG.log(Level.INFO, "batch job " + id + " stopped at a checkpoint for shutdown");
        } catch (IOException | RuntimeException e) {
            fail(record, dir, e);
        }
    }

    private void fail(JobRecord record, Path dir, Exception cause) {
        String message;
        if (cause instanceof ApiException api) {
            message = api.getMessage();
        } else {
            LOG.log(Level.ERROR, "batch job " + record.status().id() + " failed", cause);
            message = cause instanceof IOException ? "reading or writing the job's files failed: " + cause.getMessage()
                    : "the job failed; the server log has the details";
        }
        JobStatus s = record.status();
        try {
            Files.deleteIfExists(JobRun.partialFile(dir, s.format()));
            save(record.with(s.ended(JobState.FAILED, s.rowsDone(), s.rowsTotal(), clock.instant(), message)));
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot record failure of batch job " + s.id(), e);
        }
    }

    private void save(JobRecord record) throws IOException {
        JobStore.write(config.root().resolve(record.status().id()), record);
        jobs.put(record.status().id(), record);
    }
}
