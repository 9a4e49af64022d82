package io.autogate.gateway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.testing.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    private LoggedPrediction prediction(String id, int row) {
        return new LoggedPrediction(id, row, "churn", "A", "churn@1", clock.millis(), "yes", null);
    }

    private PredictionLog open(int maxEntries) throws IOException {
        return new PredictionLog(dir, maxEntries, Duration.ofHours(1), clock);
    }

    @Test
    void findsAppendedRowsByRequestAndRow() throws IOException {
        try (PredictionLog log = open(100)) {
            for (int row = 0; row < 3; row++) {
                log.append(prediction("r1", row));
            }
            log.append(new LoggedPrediction("r2", 0, "price", "B", "price@2", clock.millis(), null, 12.5));
            assertEquals(3, log.rows("r1"));
            assertEquals("churn@1", log.find("r1", 2).orElseThrow().model());
            assertEquals(12.5, log.find("r2", 0).orElseThrow().value());
            assertTrue(log.find("r1", 3).isEmpty());
            assertTrue(log.find("nope", 0).isEmpty());
            assertEquals(0, log.rows("nope"));
            assertEquals(4, log.size());
        }
    }

    @Test
    void keepsOnlyTheNewestEntriesAndDeletesOldSegments() throws IOException {
        try (PredictionLog log = open(8)) {
            for (int i = 0; i < 20; i++) {
                log.append(prediction("r" + i, 0));
            }
            assertEquals(8, log.size());
            assertTrue(log.find("r11", 0).isEmpty());
            assertTrue(log.find("r12", 0).isPresent());
            assertTrue(log.find("r19", 0).isPresent());
            assertTrue(log.segmentCount() <= 5, "segments: " + log.segmentCount());
            assertEquals(log.segmentCount(), segmentFiles().size());
        }
    }

    @Test
    void concurrentAppendsKeepTheBound() throws Exception {
        try (PredictionLog log = open(500)) {
            Thread[] writers = new Thread[4];
            for (int t = 0; t < writers.length; t++) {
                String prefix = "t" + t + "-";
                writers[t] = new Thread(() -> {
                    for (int i = 0; i < 1000; i++) {
                        log.append(prediction(prefix + i, 0));
                    }
                });
                writers[t].start();
            }
            for (Thread w : writers) {
                w.join();
            }
            assertEquals(500, log.size());
            assertEquals(log.segmentCount(), segmentFiles().size());
        }
        try (PredictionLog reopened = open(500)) {
            assertEquals(500, reopened.size());
        }
    }

    @Test
    void dropsEntriesOlderThanMaxAge() throws IOException {
        try (PredictionLog log = open(100)) {
            log.append(prediction("old", 0));
            clock.advance(Duration.ofMinutes(40));
            log.append(prediction("new", 0));
            clock.advance(Duration.ofMinutes(30));
            assertTrue(log.find("old", 0).isEmpty());
            assertTrue(log.find("new", 0).isPresent());
            assertEquals(1, log.size());
        }
    }

    @Test
    void aSegmentThatCannotBeMadeLeavesTheRecordInMemoryAndTheNextRecordStartsAFreshSegment() throws IOException {
        try (PredictionLog log = open(100)) {
            // a folder where the first segment file would go: the file cannot be created
            Path blocked = Files.createDirectory(dir.resolve("segment-0000000000000000000.ndjson"));
            log.append(prediction("unsaved", 0));
            assertEquals(1, log.failedWrites());
            assertTrue(log.find("unsaved", 0).isPresent(), "feedback can still join it in this run");
            Files.delete(blocked);
            assertTrue(log.recordFeedback(outcome("unsaved", 0)), "the next record starts the next segment");
            log.append(prediction("saved", 0));
            log.flush();
            assertEquals(1, log.failedWrites());
            assertEquals(3, log.size());
        }
        try (PredictionLog log = open(100)) {
            assertTrue(log.find("saved", 0).isPresent());
            assertTrue(log.find("unsaved", 0).isEmpty(), "only persistence across the restart was lost");
            assertEquals(0, log.failedWrites());
        }
    }

    @Test
    void reloadsSurvivingSegmentsAfterRestart() throws IOException {
        try (PredictionLog log = open(100)) {
            for (int i = 0; i < 30; i++) {
                log.append(prediction("r" + i, i % 3));
            }
            assertTrue(log.recordFeedback(outcome("r4", 1)));
        }
        try (PredictionLog log = open(100)) {
            assertEquals(31, log.size());
            assertEquals("churn@1", log.find("r29", 2).orElseThrow().model());
            assertTrue(log.find("r29", 0).isEmpty());
            assertTrue(log.hasFeedback("r4", 1));
            assertEquals(List.of(outcome("r4", 1)), log.feedback());
            assertFalse(log.recordFeedback(outcome("r4", 1)), "feedback survives the restart");
            assertEquals(0, log.skippedLines());
        }
    }

    @Test
    void skipsATruncatedLastLineAndKeepsWriting() throws IOException {
        try (PredictionLog log = open(100)) {
            for (int i = 0; i < 5; i++) {
                log.append(prediction("r" + i, 0));
            }
        }
        Path last = segmentFiles().getLast();
        Files.writeString(last, "{\"type\":\"prediction\",\"request_id\":\"r9\",\"ro", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (PredictionLog log = open(100)) {
            assertEquals(5, log.size());
            assertEquals(1, log.skippedLines());
            assertTrue(log.find("r9", 0).isEmpty());
            log.append(prediction("r5", 0));
        }
        try (PredictionLog log = open(100)) {
            assertEquals(6, log.size());
            assertTrue(log.find("r5", 0).isPresent());
        }
    }

    @Test
    void skipsUnreadableLinesAnywhere() throws IOException {
        Files.writeString(dir.resolve("segment-0000000000000000007.ndjson"), String.join("\n",
                LogCodec.encode(prediction("r1", 0)),
                "not json",
                "{\"type\":\"other\",\"request_id\":\"x\",\"row\":0,\"time\":0}",
                "{\"type\":\"prediction\",\"request_id\":\"r2\",\"row\":-1,\"endpoint\":\"e\",\"arm\":\"A\","
                        + "\"model\":\"m@1\",\"time\":0}",
                "",
                LogCodec.encode(prediction("r3", 1))) + "\n");
        try (PredictionLog log = open(100)) {
            assertEquals(2, log.size());
            assertEquals(3, log.skippedLines());
            assertTrue(log.find("r3", 1).isPresent());
            log.append(prediction("r4", 0));
        }
        assertTrue(Files.exists(dir.resolve("segment-0000000000000000008.ndjson")), "new segment after the last");
    }

    @Test
    void unflushedRecordsAreNotOnDiskUntilFlush() throws IOException {
        PredictionLog log = open(1000);
        log.append(prediction("r1", 0));
        Path segment = segmentFiles().getFirst();
        assertEquals(0, Files.size(segment), "buffered, a crash now would lose it");
        log.flush();
        assertEquals(1, Files.readAllLines(segment).size());
        for (int i = 0; i < PredictionLog.FLUSH_EVERY; i++) {
            log.append(prediction("bulk", i));
        }
        assertEquals(PredictionLog.FLUSH_EVERY + 1, Files.readAllLines(segment).size(), "flushed every N records");
        log.close();
        assertThrows(IllegalStateException.class, () -> log.append(prediction("r2", 0)));
    }

    @Test
    void appliesTheAgeBoundOnOpen() throws IOException {
        try (PredictionLog log = open(100)) {
            log.append(prediction("r1", 0));
        }
        clock.advance(Duration.ofHours(2));
        try (PredictionLog log = open(100)) {
            assertEquals(0, log.size());
            assertTrue(log.find("r1", 0).isEmpty());
            assertEquals(0, segmentFiles().size());
        }
    }

    @Test
    void rejectsBadBounds() {
        assertThrows(IllegalArgumentException.class, () -> new PredictionLog(dir, 0, Duration.ofHours(1), clock));
        assertThrows(IllegalArgumentException.class, () -> new PredictionLog(dir, 10, Duration.ZERO, clock));
    }

    private FeedbackOutcome outcome(String id, int row) {
        return new FeedbackOutcome(id, row, "churn", "A", "churn@1", clock.millis(), "no", true, false, 1, 1);
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }
}
