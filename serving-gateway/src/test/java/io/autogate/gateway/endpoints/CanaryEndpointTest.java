package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.getJson;
import static io.autogate.gateway.endpoints.EndpointTestSupport.json;
import static io.autogate.gateway.endpoints.EndpointTestSupport.predict;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Canary endpoints over real HTTP: stepwise promotion by requests and time, rollback on errors, state across restarts. */
class CanaryEndpointTest extends GatewayTestBase {
    private static final Duration PAST_STEP = Duration.ofSeconds(61);

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("churn", TestModels.churn(2));
        gateway.register("bad", TestModels.failing());
    }

    private static String canary(String candidate, String steps) {
        return "{\"type\":\"canary\",\"stable\":\"churn@1\",\"candidate\":\"" + candidate + "\",\"steps\":" + steps
                + ",\"min_requests_per_step\":20,\"min_step_seconds\":60,\"guards\":{\"max_error_rate_increase\":0.02,"
                + "\"max_p99_latency_ms\":10000,\"max_quality_drop\":0.05,\"min_feedback\":20}}";
    }

    private JsonNode state() {
        return getJson(gw, "/v1/endpoints/rollout").get("canary");
    }

    /** Sends requests until the current step has at least 20 candidate requests; all must answer 200. */
    private void fillStep() {
        for (int sent = 0; state().at("/candidate/requests").asLong() < 20; sent += 20) {
            assertTrue(sent < 2000, "the candidate is not getting traffic: " + state());
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = predict(gw, "rollout", TestModels.row(1.0, "red"));
                assertEquals(200, r.statusCode(), r.body());
            }
        }
    }

    @Test
    void aFailedStateSaveDoesNotStopThePeriodicSaving() throws Exception {
        putPolicy(gw, "rollout", canary("churn@2", "[5,25,50,100]"));
        Path file = dir.resolve(".gateway/endpoints/rollout.json");
        Files.delete(file);
        // a non-empty folder where the state file goes: the periodic save's rename onto it fails
        Files.writeString(Files.createDirectory(file).resolve("blocker"), "x");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(EndpointService.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(12)).until(() -> !warnings.isEmpty());
            assertTrue(warnings.get(0).getMessage().contains("saving endpoint state failed"), warnings.get(0).getMessage());
            Files.delete(file.resolve("blocker"));
            Files.delete(file);
            Awaitility.await().atMost(Duration.ofSeconds(12)).until(() -> Files.isRegularFile(file));
            assertTrue(Files.readString(file).contains("\"canary\""), "the saver ran again after the failure");
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void reapplyingTheSamePolicyKeepsTheRolloutWhileAChangedOneRestartsIt() {
        putPolicy(gw, "rollout", canary("churn@2", "[5,25,50,100]"));
        fillStep();
        gw.clock().advance(PAST_STEP);
        assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
        assertEquals(1, state().get("step_index").asInt());

        JsonNode again = putPolicy(gw, "rollout", canary("churn@2", "[5,25,50,100]"));
        assertEquals(1, again.at("/canary/step_index").asInt(), again.toString());
        assertEquals(2, again.at("/canary/history").size(), again.toString());

        JsonNode changed = putPolicy(gw, "rollout", canary("churn@2", "[10,100]"));
        assertEquals(0, changed.at("/canary/step_index").asInt(), changed.toString());
        assertEquals(10.0, changed.at("/canary/candidate_percent").asDouble());
    }

    @Test
    void promotesStepByStepOnlyAfterRequestsAndTime() {
        JsonNode created = putPolicy(gw, "rollout", canary("churn@2", "[5,25,50,100]"));
        assertEquals("running", created.at("/canary/status").asText(), created.toString());
        assertEquals(5.0, created.at("/canary/candidate_percent").asDouble());
        List<Double> steps = List.of(5.0, 25.0, 50.0, 100.0);
        for (int index = 0; index < steps.size(); index++) {
            fillStep();
            JsonNode before = state();
            assertEquals(index, before.get("step_index").asInt(), "enough requests but not enough time: " + before);
            assertEquals(steps.get(index), before.get("candidate_percent").asDouble());
            assertEquals("running", before.get("status").asText());

            gw.clock().advance(Duration.ofSeconds(30));
            assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
            assertEquals(index, state().get("step_index").asInt(), "30 s is less than min_step_seconds");

            gw.clock().advance(PAST_STEP);
            assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
            JsonNode after = state();
            if (index < steps.size() - 1) {
                assertEquals(index + 1, after.get("step_index").asInt(), after.toString());
                assertEquals(steps.get(index + 1), after.get("candidate_percent").asDouble());
            } else {
                assertEquals("promoted", after.get("status").asText(), after.toString());
            }
        }
        JsonNode done = state();
        assertEquals(100.0, done.get("candidate_percent").asDouble());
        JsonNode history = done.get("history");
        assertEquals(1 + steps.size(), history.size(), history.toString());
        assertEquals("start", history.get(0).get("action").asText());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode event = history.get(i + 1);
            assertEquals("promote", event.get("action").asText(), event.toString());
            assertEquals(steps.get(i), event.get("from_percent").asDouble());
            assertEquals(i + 1 < steps.size() ? steps.get(i + 1) : 100.0, event.get("to_percent").asDouble());
        }
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = predict(gw, "rollout", TestModels.row(1.0, "red"));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("candidate", json(r).get("arm").asText());
            assertEquals(2, json(r).get("version").asInt());
        }
        String metrics = gw.get("/metrics").body();
        assertTrue(metrics.contains("autogate_canary_status{endpoint=\"rollout\"} 1.0"), "canary status gauge");
        assertTrue(metrics.contains("autogate_canary_candidate_percent{endpoint=\"rollout\"} 100.0"), "candidate share gauge");
    }

    @Test
    void failingCandidateIsRolledBackAndStableServesEverythingAfter() {
        putPolicy(gw, "rollout", canary("bad@1", "[50,100]"));
        int candidateErrors = 0;
        for (int i = 0; i < 400 && "running".equals(state().get("status").asText()); i++) {
            HttpResponse<String> r = predict(gw, "rollout", TestModels.row(1.0, "red"));
            if (r.statusCode() == 500) {
                candidateErrors++;
                assertTrue(json(r).has("error"), r.body());
            } else {
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("stable", json(r).get("arm").asText());
            }
        }
        JsonNode rolledBack = state();
        assertEquals("rolled_back", rolledBack.get("status").asText(), rolledBack.toString());
        assertEquals(0.0, rolledBack.get("candidate_percent").asDouble());
        assertTrue(candidateErrors >= 20, "candidate errors seen by callers: " + candidateErrors);
        JsonNode last = rolledBack.get("history").get(rolledBack.get("history").size() - 1);
        assertEquals("rollback", last.get("action").asText());
        assertTrue(last.get("reason").asText().contains("error rate"), last.toString());
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = predict(gw, "rollout", TestModels.row(1.0, "red"));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("stable", json(r).get("arm").asText());
            assertEquals(1, json(r).get("version").asInt());
        }
    }

    @Test
    void worseCandidateAnswersInFeedbackRollTheCanaryBack() {
        gw.register("churn", TestModels.churn(-2));
        putPolicy(gw, "rollout", canary("churn@3", "[50,100]"));
        int[] labelled = new int[2];
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = predict(gw, "rollout", TestModels.row(1.0, "red"));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = json(r);
            labelled[body.get("arm").asText().equals("candidate") ? 1 : 0]++;
            HttpResponse<String> f = gw.postJson("/v1/endpoints/rollout/feedback",
                    "{\"request_id\":\"" + body.get("request_id").asText() + "\",\"actual\":\"yes\"}");
            assertEquals(1, json(f).get("accepted").asInt(), f.body());
        }
        assertTrue(labelled[0] >= 20 && labelled[1] >= 20, "both arms need min_feedback answers");
        JsonNode before = state();
        assertEquals("running", before.get("status").asText(), "quality is judged only when the step is due: " + before);
        assertEquals(labelled[1], before.at("/quality/candidate/labelled").asInt(), before.toString());
        assertEquals(0.0, before.at("/quality/candidate/accuracy").asDouble(), 1e-12);
        assertEquals(1.0, before.at("/quality/stable/accuracy").asDouble(), 1e-12);

        gw.clock().advance(PAST_STEP);
        assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
        JsonNode after = state();
        assertEquals("rolled_back", after.get("status").asText(), after.toString());
        JsonNode last = after.get("history").get(after.get("history").size() - 1);
        assertTrue(last.get("reason").asText().contains("accuracy"), last.toString());
    }

    @Test
    void canaryStateSurvivesARestart() {
        putPolicy(gw, "rollout", canary("churn@2", "[5,25,50,100]"));
        fillStep();
        gw.clock().advance(PAST_STEP);
        assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
        JsonNode before = state();
        assertEquals(1, before.get("step_index").asInt(), before.toString());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
        }
        JsonNode counted = state();

        gw.stop();
        gw.start();
        JsonNode after = state();
        assertEquals(1, after.get("step_index").asInt(), after.toString());
        assertEquals(25.0, after.get("candidate_percent").asDouble());
        assertEquals("running", after.get("status").asText());
        assertEquals(before.get("step_started_at"), after.get("step_started_at"));
        assertEquals(before.get("history"), after.get("history"));
        assertEquals(counted.at("/candidate/requests"), after.at("/candidate/requests"), after.toString());
        assertEquals(counted.at("/stable/requests"), after.at("/stable/requests"), after.toString());

        gw.clock().advance(PAST_STEP);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, predict(gw, "rollout", TestModels.row(1.0, "red")).statusCode());
        }
        JsonNode late = state();
        assertTrue(late.at("/candidate/requests").asLong() < 20, late.toString());
        assertEquals(1, late.get("step_index").asInt(), "time alone must not advance a step: " + late);
    }
}
