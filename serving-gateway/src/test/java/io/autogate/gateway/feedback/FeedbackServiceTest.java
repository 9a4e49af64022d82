package io.autogate.gateway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackServiceTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private PredictionLog log;
    private FeedbackService service;

    @BeforeEach
    void open() throws IOException {
        log = new PredictionLog(dir, 1000, Duration.ofDays(1), clock);
        service = new FeedbackService(log, clock);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private void classified(String id, String arm, String label) {
        log.append(new LoggedPrediction(id, 0, "churn", arm, "churn@" + (arm.equals("A") ? 1 : 2), clock.millis(),
                label, null));
    }

    @Test
    void accuracyPerArmAndPerModel() {
        for (int i = 0; i < 4; i++) {
            classified("a" + i, "A", "yes");
            classified("b" + i, "B", "yes");
        }
        FeedbackResult result = service.submit("churn", List.of(
                new Feedback("a0", null, "yes"), new Feedback("a1", 0, "yes"), new Feedback("a2", 0, " yes "),
                new Feedback("a3", 0, "no"),
                new Feedback("b0", 0, "yes"), new Feedback("b1", 0, "no"), new Feedback("b2", 0, "no"),
                new Feedback("b3", 0, "no")));
        assertEquals(8, result.accepted());
        assertEquals(List.of(), result.rejected());
        Map<String, ArmQuality> q = service.quality("churn");
        assertEquals(0.75, q.get("A").accuracy(), 1e-12);
        assertEquals(0.25, q.get("B").accuracy(), 1e-12);
        assertEquals(4, q.get("B").count());
        assertEquals(0.75, service.qualityByModel("churn").get("churn@1").accuracy(), 1e-12);
        assertEquals(Map.of(), service.quality("other"));
    }

    @Test
    void numericLabelsMatchAsNumbers() {
        classified("n1", "A", "1");
        assertEquals(1, service.submit("churn", List.of(new Feedback("n1", 0, "1.0"))).accepted());
        assertEquals(1.0, service.quality("churn").get("A").accuracy());
    }

    @Test
    void rmseAndMaePerArm() {
        double[] predicted = {1, 2, 3};
        for (int i = 0; i < predicted.length; i++) {
            log.append(new LoggedPrediction("p", i, "price", "A", "price@1", clock.millis(), null, predicted[i]));
        }
        FeedbackResult result = service.submit("price", List.of(
                new Feedback("p", 0, "2"), new Feedback("p", 1, "2.0"), new Feedback("p", 2, "5")));
        assertEquals(3, result.accepted());
        ArmQuality a = service.quality("price").get("A");
        assertEquals(Math.sqrt(5.0 / 3), a.rmse(), 1e-12);
        assertEquals(1.0, a.mae(), 1e-12);
        assertEquals(Double.NaN, a.accuracy());
        assertEquals(Map.of("count", 3L, "rmse", a.rmse(), "mae", 1.0), a.toMap());
    }

    @Test
    void rejectsEachBadItemWithItsReason() {
        classified("c1", "A", "yes");
        log.append(new LoggedPrediction("p1", 0, "price", "A", "price@1", clock.millis(), null, 3.0));
        FeedbackResult result = service.submit("churn", List.of(
                new Feedback("missing", 0, "yes"),
                new Feedback("c1", 4, "yes"),
                new Feedback("p1", 0, "3"),
                new Feedback("c1", 0, "yes"),
                new Feedback("c1", 0, "no")));
        assertEquals(1, result.accepted());
        List<String> codes = result.rejected().stream().map(Rejection::code).toList();
        assertEquals(List.of("unknown_request_id", "row_out_of_range", "wrong_endpoint", "duplicate"), codes);
        assertEquals(List.of(0, 1, 2, 4), result.rejected().stream().map(Rejection::index).toList());
        assertTrue(result.rejected().get(1).message().contains("has 1 row"), result.rejected().get(1).message());
        assertTrue(result.rejected().get(2).message().contains("'price'"));
        assertEquals(1, service.quality("churn").get("A").count(), "duplicate not double counted");
        assertEquals(1.0, service.quality("churn").get("A").accuracy());

        FeedbackResult bad = service.submit("price", List.of(new Feedback("p1", 0, "lots")));
        assertEquals(0, bad.accepted());
        assertEquals("bad_actual", bad.rejected().getFirst().code());
        assertTrue(bad.rejected().getFirst().message().contains("'lots'"));
        assertEquals(1, service.submit("price", List.of(new Feedback("p1", 0, "4"))).accepted(),
                "a rejected actual does not use up the row");
    }

    @Test
    void duplicatesAcrossSubmissionsAreIgnored() {
        classified("c1", "A", "yes");
        assertEquals(1, service.submit("churn", List.of(new Feedback("c1", 0, "no"))).accepted());
        FeedbackResult again = service.submit("churn", List.of(new Feedback("c1", 0, "yes")));
        assertEquals(0, again.accepted());
        assertEquals("duplicate", again.rejected().getFirst().code());
        assertEquals(0.0, service.quality("churn").get("A").accuracy());
    }

    @Test
    void listenersHearEveryAcceptedOutcome() {
        classified("c1", "A", "yes");
        classified("c2", "B", "yes");
        log.append(new LoggedPrediction("p1", 0, "price", "A", "price@1", clock.millis(), null, 3.0));
        List<String> heard = new ArrayList<>();
        service.addListener((prediction, o) -> heard.add(o.endpoint() + "/" + prediction.arm() + "/" + o.correct() + "/"
                + o.squaredError() + "/" + o.classification()));
        service.submit("churn", List.of(new Feedback("c1", 0, "yes"), new Feedback("c2", 0, "no"),
                new Feedback("zzz", 0, "no")));
        service.submit("price", List.of(new Feedback("p1", 0, "1")));
        assertEquals(List.of("churn/A/true/0.0/true", "churn/B/false/1.0/true", "price/A/false/4.0/false"), heard);
    }

    @Test
    void concurrentDuplicatesAreCountedOnce() throws Exception {
        classified("c1", "A", "yes");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FeedbackResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> service.submit("churn", List.of(new Feedback("c1", 0, "yes")))));
            }
            int accepted = 0;
            for (Future<FeedbackResult> r : results) {
                accepted += r.get().accepted();
            }
            assertEquals(1, accepted);
            assertEquals(1, service.quality("churn").get("A").count());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void qualitySurvivesARestart() throws IOException {
        classified("c1", "A", "yes");
        classified("c2", "A", "yes");
        service.submit("churn", List.of(new Feedback("c1", 0, "yes"), new Feedback("c2", 0, "no")));
        log.close();
        log = new PredictionLog(dir, 1000, Duration.ofDays(1), clock);
        service = new FeedbackService(log, clock);
        assertEquals(0.5, service.quality("churn").get("A").accuracy());
        assertEquals(2, service.quality("churn").get("A").count());
        assertEquals("duplicate",
                service.submit("churn", List.of(new Feedback("c1", 0, "yes"))).rejected().getFirst().code());
    }
}
