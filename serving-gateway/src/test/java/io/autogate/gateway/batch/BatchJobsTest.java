package io.autogate.gateway.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.testing.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJobsTest {
    private static final int ROWS = 10_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(START);
    private final AtomicLong scored = new AtomicLong();
    private Path root;
    private Path inputs;
    private Path csv;
    private BatchJobs jobs;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.resolve("jobs");
        inputs = Files.createDirectories(tmp.resolve("inputs"));
        csv = inputs.resolve("rows.csv");
        StringBuilder body = new StringBuilder("id,x\n");
        for (int i = 0; i < ROWS; i++) {
            body.append(i).append(',').append(i % 10).append('\n');
        }
        Files.writeString(csv, body);
    }

    @AfterEach
    void tearDown() {
        if (jobs != null) {
            jobs.close();
        }
    }

    @Test
    void aSubmittedJobRunsToASucceededResult() throws IOException {
        jobs = open(config(true), FakeScorers.threshold(scored));
        JobStatus queued = jobs.submit(JobSpec.serverFile("model:m", csv));
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(START, queued.createdAt());
        JobStatus done = awaitEnd(queued.id());
        assertEquals(JobState.SUCCEEDED, done.state(), done.error());
        assertEquals(ROWS, done.rowsDone());
        assertEquals(Long.valueOf(ROWS), done.rowsTotal());
        assertEquals(START, done.finishedAt());
        Path result = jobs.result(queued.id()).orElseThrow();
        assertEquals(expectedCsv(), Files.readString(result));
        assertFalse(Files.exists(root.resolve(queued.id()).resolve("result.partial.csv")));
        assertEquals(ROWS, scored.get());
        assertEquals(List.of(done), jobs.list());
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), done.createdAt());
    }

    @Test
    void anUploadedNdjsonBodyIsMovedIntoTheJobFolder() throws IOException {
        jobs = open(config(true), FakeScorers.threshold(scored));
        Path upload = Files.writeString(tmp.resolve("body.tmp"), "{\"x\":8}\n{\"x\":\"?\"}\n");
        JobStatus job = jobs.submit(JobSpec.upload("model:m", upload, BatchFormat.NDJSON));
        assertEquals(JobState.SUCCEEDED, awaitEnd(job.id()).state());
        assertFalse(Files.exists(upload));
        assertTrue(Files.exists(root.resolve(job.id()).resolve("input.ndjson")));
        List<String> lines = Files.readAllLines(jobs.result(job.id()).orElseThrow());
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"prediction\":\"yes\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"error\":\"x: must be a number, got '?'\""), lines.get(1));
    }

    @Test
    void aRunningJobFoundAtOpenResumesAfterTheRowsAlreadyWritten() throws IOException {
        String expected = expectedCsv();
        String id = "00000000-0000-4000-8000-000000000001";
        Path dir = Files.createDirectories(root.resolve(id));
        int done = 3000;
        int cut = nthNewline(expected, done + 1) + 1;
        Files.writeString(dir.resolve("result.partial.csv"), expected.substring(0, cut) + "3000,0,torn wri");
        JobStatus running = new JobStatus(id, "model:m", BatchFormat.CSV, JobState.RUNNING, done, (long) ROWS,
                START, START, null, null);
        JobStore.write(dir, new JobRecord(running, csv, expected.substring(0, cut).getBytes(StandardCharsets.UTF_8).length));

        jobs = open(config(true), FakeScorers.threshold(scored));
        JobStatus end = awaitEnd(id);
        assertEquals(JobState.SUCCEEDED, end.state(), end.error());
        assertEquals(ROWS, end.rowsDone());
        assertEquals(expected, Files.readString(jobs.result(id).orElseThrow()));
        assertEquals(ROWS - done, scored.get());
    }

    @Test
    void closingStopsAtACheckpointAndTheNextOpenFinishesTheJob() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchScorer slow = FakeScorers.threshold(scored);
        BatchScorer gated = rows -> {
            if (scored.get() >= 2048 && blocked.getCount() > 0) {
                blocked.countDown();
                awaitQuietly(release);
            }
            return slow.score(rows);
        };
        jobs = open(config(true), gated);
        String id = jobs.submit(JobSpec.serverFile("model:m", csv)).id();
        assertTrue(blocked.await(30, TimeUnit.SECONDS));
        BatchJobs closing = jobs;
        Thread closer = new Thread(closing::close);
        closer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closer.join(30_000);
        JobRecord stopped = JobStore.read(root.resolve(id));
        assertEquals(JobState.RUNNING, stopped.status().state());
        assertEquals(2048 + 256, stopped.status().rowsDone());

        scored.set(0);
        jobs = open(config(true), FakeScorers.threshold(scored));
        assertEquals(JobState.SUCCEEDED, awaitEnd(id).state());
        assertEquals(expectedCsv(), Files.readString(jobs.result(id).orElseThrow()));
        assertEquals(ROWS - 2048 - 256, scored.get());
    }

    @Test
    void unfinishedJobsAreInterruptedWhenNotResumingOrWhenTheirInputIsGone() throws IOException {
        String queuedId = "00000000-0000-4000-8000-000000000002";
        String goneId = "00000000-0000-4000-8000-000000000003";
        writeJob(queuedId, JobState.QUEUED, csv);
        writeJob(goneId, JobState.RUNNING, inputs.resolve("gone.csv"));
        clock.advance(Duration.ofMinutes(5));
        jobs = open(config(false), FakeScorers.threshold(scored));
        JobStatus queued = jobs.get(queuedId).orElseThrow();
        assertEquals(JobState.INTERRUPTED, queued.state());
        assertEquals("interrupted by a restart", queued.error());
        assertEquals(START.plus(Duration.ofMinutes(5)), queued.finishedAt());
        assertEquals(Optional.empty(), jobs.result(queuedId));
        jobs.close();

        writeJob(goneId, JobState.RUNNING, inputs.resolve("gone.csv"));
        jobs = open(config(true), FakeScorers.threshold(scored));
        JobStatus gone = jobs.get(goneId).orElseThrow();
        assertEquals(JobState.INTERRUPTED, gone.state());
        assertTrue(gone.error().contains("input file is missing"), gone.error());
        assertEquals(0, scored.get());
    }

    @Test
    void badRequestsAreRejectedWithA400NamingTheProblem() throws IOException {
        jobs = open(config(true), FakeScorers.threshold(scored));
        Path outside = Files.writeString(tmp.resolve("outside.csv"), "x\n1\n");
        assertBadRequest("is not a file in the batch input directory", () -> jobs.submit(JobSpec.serverFile("model:m", outside)));
        assertBadRequest("is not a file in the batch input directory",
                () -> jobs.submit(JobSpec.serverFile("model:m", inputs.resolve("../outside.csv"))));
        assertBadRequest("does not exist", () -> jobs.submit(JobSpec.serverFile("model:m", inputs.resolve("none.csv"))));
        assertBadRequest("input must end with .csv", () -> JobSpec.serverFile("model:m", inputs.resolve("rows.txt")));
        assertBadRequest("target is required", () -> JobSpec.serverFile(" ", csv));
        assertBadRequest("job id must be a UUID", () -> jobs.get("../../etc"));
        assertBadRequest("job id must be a UUID", () -> jobs.result("00000000-0000-4000-8000-00000000000G"));
        ApiException unknown = assertThrows(ApiException.class, () -> jobs.submit(JobSpec.serverFile("model:nope", csv)));
        assertEquals(404, unknown.status());
        assertEquals(Optional.empty(), jobs.get("00000000-0000-4000-8000-000000000009"));
        assertTrue(jobs.list().isEmpty());
        jobs.close();

        jobs = open(new BatchJobsConfig(root, null, 1, 256, 1024, 1 << 16, true), FakeScorers.threshold(scored));
        assertBadRequest("server-side input files are not enabled", () -> jobs.submit(JobSpec.serverFile("model:m", csv)));
    }

    @Test
    void aJobWhoseInputCannotBeReadFails() throws IOException {
        jobs = open(new BatchJobsConfig(root, inputs, 1, 256, 1024, 16, true), FakeScorers.threshold(scored));
        Path wide = Files.writeString(inputs.resolve("wide.csv"), "a".repeat(40) + "\n1\n");
        String id = jobs.submit(JobSpec.serverFile("model:m", wide)).id();
        JobStatus end = awaitEnd(id);
        assertEquals(JobState.FAILED, end.state());
        assertTrue(end.error().startsWith("CSV header cannot be read"), end.error());
        assertEquals(Optional.empty(), jobs.result(id));
        assertFalse(Files.exists(root.resolve(id).resolve("result.partial.csv")));
    }

    private BatchJobsConfig config(boolean resume) {
        return new BatchJobsConfig(root, inputs, 1, 256, 1024, 1 << 16, resume);
    }

    private BatchJobs open(BatchJobsConfig config, BatchScorer scorer) throws IOException {
        Function<String, ScorerBinding> resolver = target -> {
            if (!target.equals("model:m")) {
                throw ApiException.notFound("model_not_found", "no model " + target);
            }
            return new ScorerBinding(scorer, FakeScorers.CLASSES);
        };
        return BatchJobs.open(config, resolver, clock, new Random(7));
    }

    private void writeJob(String id, JobState state, Path input) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        JobStatus status = new JobStatus(id, "model:m", BatchFormat.CSV, state, 0, null, START, null, null, null);
        JobStore.write(dir, new JobRecord(status, input, 0));
    }

    private JobStatus awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(id).orElseThrow().state().terminal());
        return jobs.get(id).orElseThrow();
    }

    private static String expectedCsv() {
        StringBuilder out = new StringBuilder("id,x,prediction,probability_no,probability_yes,model,error\n");
        for (int i = 0; i < ROWS; i++) {
            out.append(i).append(',').append(i % 10).append(i % 10 > 5 ? ",yes,0.2,0.8" : ",no,0.9,0.1").append(",m@1,\n");
        }
        return out.toString();
    }

    private static int nthNewline(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf('\n', at + 1);
        }
        return at;
    }

    private static void assertBadRequest(String messagePart, org.junit.jupiter.api.function.Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
