package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.getJson;
import static io.autogate.gateway.endpoints.EndpointTestSupport.json;
import static io.autogate.gateway.endpoints.EndpointTestSupport.predict;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Feedback over real HTTP: ground truth joined to logged predictions, live quality per arm, restarts. */
@ExtendWith(VertxExtension.class)
class FeedbackEndpointTest {
    @TempDir
    Path dir;
    GatewayHarness gw;

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir);
        gw.register("churn", TestModels.churn(2));
        gw.register("churn", TestModels.churn(-2));
        gw.register("price", TestModels.price(3));
        gw.start();
        putPolicy(gw, "ab", "{\"type\":\"ab\",\"arms\":[{\"name\":\"a\",\"model\":\"churn@1\",\"weight\":50},"
                + "{\"name\":\"b\",\"model\":\"churn@2\",\"weight\":50}],\"sticky\":{\"header\":\"X-User-Id\"}}");
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private HttpResponse<String> feedback(String endpoint, String requestId, String actual) {
        return gw.postJson("/v1/endpoints/" + endpoint + "/feedback",
                "{\"request_id\":\"" + requestId + "\",\"actual\":" + actual + "}");
    }

    @Test
    void aPredictionLogThatCannotWriteNeverFailsTheAnswerAndItsFeedbackStillJoins() throws Exception {
        // a folder where the first segment file would go: the log cannot create it
        Files.createDirectory(dir.resolve(".gateway/predictions/segment-0000000000000000000.ndjson"));
        HttpResponse<String> r = predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "u1");
        assertEquals(200, r.statusCode(), r.body());
        HttpResponse<String> f = feedback("ab", json(r).get("request_id").asText(), "\"yes\"");
        assertEquals(200, f.statusCode(), f.body());
        assertEquals(1, json(f).get("accepted").asInt(), f.body());
        assertTrue(gw.get("/metrics").body().contains("autogate_prediction_log_write_failures_total 1.0"),
                "the failure is counted");
    }

    @Test
    void qualityPerArmCountsRightAndWrongAnswers() {
        Map<String, int[]> expected = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "user" + i);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = json(r);
            String arm = body.get("arm").asText();
            String predicted = body.at("/predictions/0/prediction").asText();
            assertEquals(arm.equals("a") ? "yes" : "no", predicted, r.body());
            String actual = i % 3 == 0 ? "no" : "yes";
            HttpResponse<String> f = feedback("ab", body.get("request_id").asText(), "\"" + actual + "\"");
            assertEquals(200, f.statusCode(), f.body());
            assertEquals(1, json(f).get("accepted").asInt(), f.body());
            assertEquals(0, json(f).get("rejected").size(), f.body());
            int[] counts = expected.computeIfAbsent(arm, k -> new int[2]);
            counts[0]++;
            if (predicted.equals(actual)) {
                counts[1]++;
            }
        }
        assertTrue(expected.containsKey("a") && expected.containsKey("b"), "both arms should serve 60 users");
        JsonNode quality = getJson(gw, "/v1/endpoints/ab/report").at("/quality/arms");
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            JsonNode arm = quality.get(e.getKey());
            assertEquals(e.getValue()[0], arm.get("count").asInt(), quality.toString());
            assertEquals(e.getValue()[1], arm.get("correct").asInt(), quality.toString());
            assertEquals(e.getValue()[1] / (double) e.getValue()[0], arm.get("accuracy").asDouble(), 1e-9);
        }
        JsonNode comparisons = getJson(gw, "/v1/endpoints/ab/report").at("/quality/comparisons");
        assertEquals(1, comparisons.size(), comparisons.toString());
        assertEquals("a", comparisons.get(0).get("arm_a").asText());
    }

    @Test
    void unknownDuplicateAndWrongEndpointFeedbackIsRejectedWithAReason() {
        HttpResponse<String> unknown = feedback("ab", "no-such-request", "\"yes\"");
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertEquals(0, json(unknown).get("accepted").asInt());
        JsonNode rejection = json(unknown).at("/rejected/0");
        assertEquals("unknown_request_id", rejection.get("code").asText(), unknown.body());
        assertTrue(rejection.get("reason").asText().contains("no-such-request"), unknown.body());

        String id = json(predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "u1")).get("request_id").asText();
        assertEquals(1, json(feedback("ab", id, "\"yes\"")).get("accepted").asInt());
        HttpResponse<String> again = feedback("ab", id, "\"no\"");
        assertEquals(0, json(again).get("accepted").asInt(), again.body());
        assertEquals("duplicate", json(again).at("/rejected/0/code").asText(), again.body());
        long counted = 0;
        for (JsonNode arm : getJson(gw, "/v1/endpoints/ab/report").at("/quality/arms")) {
            counted += arm.get("count").asLong();
        }
        assertEquals(1, counted, "the duplicate must not be counted");

        putPolicy(gw, "other", "{\"type\":\"single\",\"model\":\"churn@1\"}");
        HttpResponse<String> wrong = feedback("other", id, "\"yes\"");
        assertEquals("wrong_endpoint", json(wrong).at("/rejected/0/code").asText(), wrong.body());

        HttpResponse<String> missing = gw.postJson("/v1/endpoints/ab/feedback", "{\"request_id\":\"x\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(json(missing).at("/error/message").asText().contains("actual"), missing.body());
        assertEquals(404, feedback("nope", id, "\"yes\"").statusCode());
    }

    @Test
    void regressionFeedbackGivesRmse() {
        putPolicy(gw, "prices", "{\"type\":\"single\",\"model\":\"price@1\"}");
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = predict(gw, "prices", TestModels.row(1.0, "green"));
            assertEquals(3.0, json(r).at("/predictions/0/prediction").asDouble(), 1e-9, r.body());
            ids[i] = json(r).get("request_id").asText();
        }
        assertEquals(1, json(feedback("prices", ids[0], "4.0")).get("accepted").asInt());
        assertEquals(1, json(feedback("prices", ids[1], "\"1\"")).get("accepted").asInt());
        HttpResponse<String> bad = feedback("prices", ids[1], "\"cheap\"");
        assertEquals(0, json(bad).get("accepted").asInt(), bad.body());
        JsonNode arm = getJson(gw, "/v1/endpoints/prices/report").at("/quality/arms/default");
        assertEquals(2, arm.get("count").asInt(), arm.toString());
        assertEquals(Math.sqrt((1.0 + 4.0) / 2), arm.get("rmse").asDouble(), 1e-9, arm.toString());
        assertEquals(1.5, arm.get("mae").asDouble(), 1e-9, arm.toString());
    }

    @Test
    void feedbackForAnswersOfAnEarlierPolicyIsStillAccepted() {
        String id = json(predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "u7")).get("request_id").asText();
        putPolicy(gw, "ab", "{\"type\":\"canary\",\"stable\":\"churn@1\",\"candidate\":\"churn@2\",\"steps\":[10,100]}");
        HttpResponse<String> f = feedback("ab", id, "\"yes\"");
        assertEquals(200, f.statusCode(), f.body());
        assertEquals(1, json(f).get("accepted").asInt(), f.body());
        JsonNode quality = getJson(gw, "/v1/endpoints/ab").at("/canary/quality");
        assertEquals(0, quality.at("/stable/labelled").asLong(), quality.toString());
        assertEquals(0, quality.at("/candidate/labelled").asLong(), quality.toString());
    }

    @Test
    void predictionsMadeBeforeARestartStillTakeFeedback() {
        HttpResponse<String> r = predict(gw, "ab", TestModels.row(-1.0, "blue"), "X-User-Id", "restart-user");
        String id = json(r).get("request_id").asText();
        String other = json(predict(gw, "ab", TestModels.row(-1.0, "blue"), "X-User-Id", "second")).get("request_id").asText();
        assertEquals(1, json(feedback("ab", other, "\"no\"")).get("accepted").asInt());

        gw.stop();
        gw.start();
        HttpResponse<String> f = feedback("ab", id, "\"no\"");
        assertEquals(200, f.statusCode(), f.body());
        assertEquals(1, json(f).get("accepted").asInt(), f.body());
        assertEquals("duplicate", json(feedback("ab", other, "\"no\"")).at("/rejected/0/code").asText());
        long counted = 0;
        for (JsonNode arm : getJson(gw, "/v1/endpoints/ab/report").at("/quality/arms")) {
            counted += arm.get("count").asLong();
        }
        assertEquals(2, counted, "feedback from before the restart is kept");
    }
}
