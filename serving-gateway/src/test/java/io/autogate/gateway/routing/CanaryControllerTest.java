package io.autogate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CanaryControllerTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final EndpointPolicy.Canary POLICY = new EndpointPolicy.Canary("churn@1", "churn@2",
            List.of(5.0, 25.0, 50.0, 100.0), 50, 60, new CanaryGuards(0.02, 50.0, 0.05, 20), null);

    private final ManualClock clock = new ManualClock(START);

    private static void serve(CanaryController canary, String arm, int requests, double latencyMs, int errorEvery) {
        for (int i = 1; i <= requests; i++) {
            canary.record(arm, latencyMs, errorEvery > 0 && i % errorEvery == 0);
        }
    }

    @Test
    void promotesThroughEveryStepAsTimeAndTrafficAllow() {
        CanaryController canary = new CanaryController(POLICY, clock);
        assertEquals(5.0, canary.candidatePercent());
        for (double expectedNext : new double[] {25, 50, 100}) {
            serve(canary, "stable", 100, 10, 100);
            serve(canary, "candidate", 50, 12, 0);
            clock.advance(Duration.ofSeconds(60));
            CanaryEvent event = canary.evaluate().orElseThrow();
            assertEquals(CanaryEvent.Action.PROMOTE, event.action());
            assertEquals(expectedNext, event.toPercent());
            assertEquals(expectedNext, canary.candidatePercent());
        }
        serve(canary, "candidate", 50, 12, 0);
        clock.advance(Duration.ofSeconds(60));
        CanaryEvent last = canary.evaluate().orElseThrow();
        assertEquals(CanaryStatus.PROMOTED, canary.status());
        assertEquals(100.0, canary.candidatePercent());
        assertTrue(last.reason().contains("promoted to all traffic"), last.reason());
        List<CanaryEvent> history = canary.history();
        assertEquals(List.of(CanaryEvent.Action.START, CanaryEvent.Action.PROMOTE, CanaryEvent.Action.PROMOTE,
                CanaryEvent.Action.PROMOTE, CanaryEvent.Action.PROMOTE), history.stream().map(CanaryEvent::action).toList());
        assertEquals(List.of(0.0, 5.0, 25.0, 50.0, 100.0), history.stream().map(CanaryEvent::fromPercent).toList());
        assertEquals(START.plusSeconds(240), history.getLast().time());
        assertEquals(Optional.empty(), canary.record("candidate", 1000, true));
        assertEquals(CanaryStatus.PROMOTED, canary.status());
    }

    @Test
    void stepWaitsForMinimumTimeAndRequests() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "candidate", 1_000, 5, 0);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.empty(), canary.evaluate());
        assertEquals(5.0, canary.candidatePercent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(25.0, canary.evaluate().orElseThrow().toPercent());

        serve(canary, "candidate", 49, 5, 0);
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), canary.evaluate());
        assertEquals(25.0, canary.candidatePercent());
        assertEquals(50.0, canary.record("candidate", 5, false).orElseThrow().toPercent());
    }

    @Test
    void rollsBackOnErrorRateIncrease() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 1_000, 10, 100);
        serve(canary, "candidate", 50, 10, 10);
        clock.advance(Duration.ofSeconds(60));
        CanaryEvent event = canary.evaluate().orElseThrow();
        assertEquals(CanaryEvent.Action.ROLLBACK, event.action());
        assertEquals(5.0, event.fromPercent());
        assertEquals(0.0, event.toPercent());
        assertTrue(event.reason().startsWith("candidate error rate 0.1000 exceeds stable 0.0100"), event.reason());
        assertEquals(CanaryStatus.ROLLED_BACK, canary.status());
        assertEquals(0.0, canary.candidatePercent());
    }

    @Test
    void errorRateWithinLimitPromotes() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 1_000, 10, 50);
        serve(canary, "candidate", 100, 10, 30);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(CanaryEvent.Action.PROMOTE, canary.evaluate().orElseThrow().action());
    }

    @Test
    void rollsBackEarlyAfterTwentyCandidateErrors() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 500, 10, 0);
        serve(canary, "candidate", 19, 10, 1);
        assertEquals(CanaryStatus.RUNNING, canary.status());
        CanaryEvent event = canary.record("candidate", 10, true).orElseThrow();
        assertEquals(CanaryEvent.Action.ROLLBACK, event.action());
        assertTrue(event.reason().contains("early, after 20 candidate errors"), event.reason());
        assertEquals(START, event.time());
    }

    @Test
    void manyErrorsAtAnAcceptableRateDoNotRollBackEarly() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 10_000, 10, 100);
        serve(canary, "candidate", 2_000, 10, 100);
        assertEquals(CanaryStatus.RUNNING, canary.status());
        assertEquals(5.0, canary.candidatePercent());
    }

    @Test
    void rollsBackOnP99Latency() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 200, 10, 0);
        serve(canary, "candidate", 45, 10, 0);
        serve(canary, "candidate", 5, 80, 0);
        clock.advance(Duration.ofSeconds(60));
        CanaryEvent event = canary.evaluate().orElseThrow();
        assertEquals(CanaryEvent.Action.ROLLBACK, event.action());
        assertTrue(event.reason().startsWith("candidate p99 latency 80"), event.reason());
    }

    @Test
    void rollsBackOnAccuracyDropOnceBothArmsHaveEnoughFeedback() {
        CanaryController canary = new CanaryController(POLICY, clock);
        for (int i = 0; i < 20; i++) {
            canary.recordQuality("stable", i != 0);
            canary.recordQuality("candidate", i % 5 != 0);
        }
        serve(canary, "candidate", 50, 10, 0);
        clock.advance(Duration.ofSeconds(60));
        CanaryEvent event = canary.evaluate().orElseThrow();
        assertEquals(CanaryEvent.Action.ROLLBACK, event.action());
        assertTrue(event.reason().startsWith("candidate accuracy 0.8000 is 15.8% below stable 0.9500"), event.reason());
    }

    @Test
    void qualityIsIgnoredWithTooLittleFeedback() {
        CanaryController canary = new CanaryController(POLICY, clock);
        for (int i = 0; i < 19; i++) {
            canary.recordQuality("stable", true);
            canary.recordQuality("candidate", false);
        }
        serve(canary, "candidate", 50, 10, 0);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(CanaryEvent.Action.PROMOTE, canary.evaluate().orElseThrow().action());
    }

    @Test
    void rollsBackOnRmseIncrease() {
        CanaryController canary = new CanaryController(POLICY, clock);
        for (int i = 0; i < 20; i++) {
            canary.recordSquaredError("stable", 1.0);
            canary.recordSquaredError("candidate", 1.44);
        }
        serve(canary, "candidate", 50, 10, 0);
        clock.advance(Duration.ofSeconds(60));
        CanaryEvent event = canary.evaluate().orElseThrow();
        assertEquals(CanaryEvent.Action.ROLLBACK, event.action());
        assertTrue(event.reason().startsWith("candidate RMSE 1.200 is 20.0% above stable 1.000"), event.reason());
        assertThrows(IllegalArgumentException.class, () -> canary.recordSquaredError("stable", -1));
    }

    @Test
    void resumedControllerContinuesWhereItWas() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "candidate", 50, 10, 0);
        clock.advance(Duration.ofSeconds(60));
        canary.evaluate();
        serve(canary, "candidate", 30, 10, 0);
        CanaryState saved = CanaryState.fromJson(canary.state().toJson());
        assertEquals(canary.state(), saved);

        ManualClock later = new ManualClock(START.plusSeconds(90));
        CanaryController resumed = CanaryController.resume(POLICY, saved, later);
        assertEquals(25.0, resumed.candidatePercent());
        serve(resumed, "candidate", 19, 10, 0);
        assertEquals(25.0, resumed.candidatePercent());
        later.advance(Duration.ofSeconds(30));
        assertEquals(50.0, resumed.record("candidate", 10, false).orElseThrow().toPercent());
        assertEquals(3, resumed.history().size());
    }

    @Test
    void resumeRejectsStateThatDoesNotFitThePolicy() {
        CanaryState state = new CanaryController(POLICY, clock).state();
        CanaryState beyond = new CanaryState(state.status(), 4, state.stepStartedAt(), state.stableStep(),
                state.candidateStep(), 0, 0, state.stableQuality(), state.candidateQuality(), state.history());
        assertThrows(IllegalArgumentException.class, () -> CanaryController.resume(POLICY, beyond, clock));
    }

    @Test
    void unknownArmIsRejected() {
        CanaryController canary = new CanaryController(POLICY, clock);
        assertThrows(IllegalArgumentException.class, () -> canary.record("shadow", 1, false));
        assertThrows(IllegalArgumentException.class, () -> canary.recordQuality("x", true));
    }

    @Test
    void concurrentRecordingDecidesEachStepOnce() throws Exception {
        EndpointPolicy.Canary fast = new EndpointPolicy.Canary("a", "b", List.of(10.0, 50.0, 100.0), 100, 0,
                CanaryGuards.defaults(), null);
        CanaryController canary = new CanaryController(fast, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> serve(canary, "candidate", 5_000, 3, 0)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(CanaryStatus.PROMOTED, canary.status());
        assertEquals(4, canary.history().size());
    }

    @Test
    void jsonViewShowsProgress() {
        CanaryController canary = new CanaryController(POLICY, clock);
        serve(canary, "stable", 10, 4, 0);
        serve(canary, "candidate", 5, 6, 5);
        canary.recordQuality("candidate", true);
        clock.advance(Duration.ofSeconds(12));
        ObjectNode view = canary.toJson();
        assertEquals("running", view.get("status").asText());
        assertEquals(5.0, view.get("candidate_percent").asDouble());
        assertEquals(12, view.get("step_elapsed_seconds").asLong());
        assertEquals(10, view.get("stable").get("requests").asLong());
        assertEquals(1, view.get("candidate").get("errors").asLong());
        assertEquals(1.0, view.get("quality").get("candidate").get("accuracy").asDouble());
        assertEquals("start", view.get("history").get(0).get("action").asText());
        assertEquals(4, view.get("steps").size());
    }
}
