package io.autogate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
    private static final Instant T = Instant.parse("2026-12-03T09:30:00.123456Z");
    private static final LogRotation ROTATION = new LogRotation(1 << 20, 2);

    private static AccessEntry entry(String path, String model) {
        return new AccessEntry(T, "r1", "POST", path, "/v1/models/:ref/predict", 200, 1_234_567, 321, null, model,
                null);
    }

    @Test
    void writesOneJsonObjectPerLineWithOptionalFieldsOnlyWhenSet() throws IOException {
        StringWriter sink = new StringWriter();
        try (AccessLog log = new AccessLog(sink, 16)) {
            log.write(entry("/v1/models/churn/predict", "churn@3"));
            log.write(new AccessEntry(T, "r2", "GET", "/nope", "unmatched", 404, 10_000, 0, "shop", null, "B"));
        }
        List<String> lines = sink.toString().lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("2026-12-03T09:30:00.123456Z", first.get("time").asText());
        assertEquals("r1", first.get("request_id").asText());
        assertEquals("/v1/models/:ref/predict", first.get("route").asText());
        assertEquals(200, first.get("status").asInt());
        assertEquals(1.23, first.get("duration_ms").asDouble());
        assertEquals(321, first.get("bytes").asLong());
        assertEquals("churn@3", first.get("model").asText());
        assertFalse(first.has("endpoint"));
        assertFalse(first.has("arm"));
        JsonNode second = Json.MAPPER.readTree(lines.get(1));
        assertEquals("shop", second.get("endpoint").asText());
        assertEquals("B", second.get("arm").asText());
        assertFalse(second.has("model"));
    }

    @Test
    void escapesWhatTheClientSent() throws IOException {
        StringWriter sink = new StringWriter();
        String path = "/v1/models/a\"b\\c\n\u0001é/predict";
        try (AccessLog log = new AccessLog(sink, 16)) {
            log.write(entry(path, null));
        }
        List<String> lines = sink.toString().lines().toList();
        assertEquals(1, lines.size(), "a newline in the path must not split the line");
        assertEquals(path, Json.MAPPER.readTree(lines.get(0)).get("path").asText());
    }

    @Test
    void openCreatesTheFileAndItsFolderAndAppendsAcrossRuns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state/.gateway/access.log");
        try (AccessLog log = AccessLog.open(file.toString(), ROTATION)) {
            log.write(entry("/first", null));
        }
        try (AccessLog log = AccessLog.open(file.toString(), ROTATION)) {
            log.write(entry("/second", null));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("/first", Json.MAPPER.readTree(lines.get(0)).get("path").asText());
        assertEquals("/second", Json.MAPPER.readTree(lines.get(1)).get("path").asText());
    }

    @Test
    void openOffWritesNothingAnywhere() throws IOException {
        try (AccessLog log = AccessLog.open("off", ROTATION)) {
            log.write(entry("/a", null));
        }
        assertFalse(Files.exists(Path.of("off")), "'off' must not create a file named off");
    }

    @Test
    void linesReachTheSinkWithoutClosingTheLog() {
        StringWriter sink = new StringWriter();
        try (AccessLog log = new AccessLog(sink, 16)) {
            log.write(entry("/a", null));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sink.toString().contains("\"path\":\"/a\""));
        }
    }

    @Test
    void dropsAndCountsWhatDoesNotFitWhileTheWriterIsBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StringWriter written = new StringWriter();
        Writer slow = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                written.write(buf, off, len);
            }

            @Override
            public void flush() {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
            }
        };
        AccessLog log = new AccessLog(slow, 2);
        log.write(entry("/first", null));
        // the writer takes the first entry and then blocks in flush; two more fit, the rest are dropped
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> written.toString().contains("/first"));
        for (int i = 0; i < 5; i++) {
            log.write(entry("/more" + i, null));
        }
        assertEquals(3, log.dropped());
        release.countDown();
        log.close();
        String all = written.toString();
        assertTrue(all.contains("/more0") && all.contains("/more1"), all);
        assertFalse(all.contains("/more2"), all);
    }

    @Test
    void aSinkThatFailsCountsTheLinesAsDroppedAndLoggingResumesWhenItRecovers() {
        AtomicBoolean full = new AtomicBoolean(true);
        StringWriter written = new StringWriter();
        Writer disk = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                if (full.get()) {
                    throw new IOException("No space left on device");
                }
                written.write(buf, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AccessLog log = new AccessLog(disk, 16);
        log.write(entry("/while-full", null));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> log.dropped() == 1);
        full.set(false);
        log.write(entry("/after", null));
        log.close();
        assertTrue(written.toString().contains("\"path\":\"/after\""), "the writer kept going: " + written);
        assertEquals(1, log.dropped());
    }

    @Test
    void entriesAfterCloseAreIgnored() {
        StringWriter sink = new StringWriter();
        AccessLog log = new AccessLog(sink, 16);
        log.close();
        log.write(entry("/late", null));
        assertEquals("", sink.toString());
        assertEquals(0, log.dropped());
    }
}
