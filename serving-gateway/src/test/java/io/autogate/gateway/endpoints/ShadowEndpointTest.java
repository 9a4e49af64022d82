package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.arm;
import static io.autogate.gateway.endpoints.EndpointTestSupport.getJson;
import static io.autogate.gateway.endpoints.EndpointTestSupport.json;
import static io.autogate.gateway.endpoints.EndpointTestSupport.predict;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.BehaviourTestModel;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Shadow endpoints over real HTTP: the caller only ever sees the primary; the shadow is compared in the background. */
@ExtendWith(VertxExtension.class)
class ShadowEndpointTest {
    private static final Pattern DROPPED = Pattern.compile("(?m)^autogate_shadow_dropped_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

    @TempDir
    Path dir;
    GatewayHarness gw;

    private void start(Vertx vertx, int shadowQueue) {
        BehaviourTestModel.rearm();
        gw = GatewayHarness.create(vertx, dir, b -> b.shadowQueue(shadowQueue));
        gw.register("churn", TestModels.churn(2));
        gw.register("churn", TestModels.churn(-2));
        gw.register("churn", TestModels.churn(2));
        gw.register("bad", TestModels.failing());
        gw.register("slow", TestModels.stalling());
        gw.start();
    }

    @AfterEach
    void stop() {
        BehaviourTestModel.release();
        if (gw != null) {
            gw.close();
        }
        BehaviourTestModel.rearm();
    }

    @Test
    void failingShadowNeverReachesTheCallerAndIsCounted(Vertx vertx) {
        start(vertx, 256);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"bad@1\",\"sample\":1.0}");
        for (int i = 0; i < 30; i++) {
            double x = i % 2 == 0 ? 1.5 : -1.5;
            HttpResponse<String> r = predict(gw, "sh", TestModels.row(x, "red"));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = json(r);
            assertEquals("primary", body.get("arm").asText());
            assertEquals("churn", body.get("model").asText());
            assertEquals(1, body.get("version").asInt());
            assertEquals(x > 0 ? "yes" : "no", body.at("/predictions/0/prediction").asText(), r.body());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> arm(report(), "shadow").get("errors").asLong() == 30);
        JsonNode report = report();
        assertEquals(30, arm(report, "primary").get("requests").asLong());
        assertEquals(0, arm(report, "primary").get("errors").asLong());
        assertEquals(30, arm(report, "shadow").get("requests").asLong());
        assertTrue(report.at("/shadow/failed_copies").asLong() >= 30, report.toString());
    }

    @Test
    void stalledShadowWithAFullQueueDropsCopiesWithoutDelayingAnswers(Vertx vertx) {
        start(vertx, 2);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"slow@1\"}");
        for (int i = 0; i < 50; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> r = predict(gw, "sh", TestModels.row(1.0, "green"));
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("primary", json(r).get("arm").asText());
            assertEquals("yes", json(r).at("/predictions/0/prediction").asText());
            assertTrue(millis < 2000, "request " + i + " took " + millis + " ms while the shadow was stalled");
        }
        assertTrue(BehaviourTestModel.STALLED.get() >= 1, "the shadow should be stalled now");
        JsonNode report = report();
        long dropped = report.at("/shadow/dropped_copies").asLong();
        assertTrue(dropped >= 45, "50 copies, 1 running and 2 queued: " + report);
        assertEquals(50, arm(report, "primary").get("requests").asLong());
        String metrics = gw.get("/metrics").body();
        Matcher m = DROPPED.matcher(metrics);
        assertTrue(m.find(), "no autogate_shadow_dropped_total in /metrics");
        assertEquals(dropped, (long) Double.parseDouble(m.group(1)));

        BehaviourTestModel.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> arm(report(), "shadow").get("requests").asLong() == 3);
        assertEquals(0, BehaviourTestModel.STALLED.get());
    }

    @Test
    void disagreeingShadowHasZeroAgreementWithExamples(Vertx vertx) {
        start(vertx, 256);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@2\"}");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, predict(gw, "sh", TestModels.row(i % 2 == 0 ? 1.2 : -0.8, "blue")).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> report().at("/shadow/classified").asLong() == 20);
        JsonNode shadow = report().get("shadow");
        assertEquals(0, shadow.get("agreed").asLong(), shadow.toString());
        assertEquals(0.0, shadow.get("agreement_rate").asDouble(), 1e-12, shadow.toString());
        JsonNode examples = shadow.get("recent_disagreements");
        assertTrue(examples.isArray() && !examples.isEmpty(), shadow.toString());
        assertEquals("blue", examples.get(0).at("/input/color").asText(), shadow.toString());
    }

    @Test
    void identicalShadowAgreesFully(Vertx vertx) {
        start(vertx, 256);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@3\"}");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, predict(gw, "sh", TestModels.row(i - 9.5, "red")).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> report().at("/shadow/classified").asLong() == 20);
        JsonNode shadow = report().get("shadow");
        assertEquals(1.0, shadow.get("agreement_rate").asDouble(), 1e-12, shadow.toString());
        assertEquals(0, shadow.get("recent_disagreements").size(), shadow.toString());
        String metrics = gw.get("/metrics").body();
        assertTrue(metrics.contains("autogate_shadow_agreement{endpoint=\"sh\"} 1.0"), "agreement gauge missing");
    }

    @Test
    void shadowCountsInAReportBelongToThatEndpoint(Vertx vertx) {
        start(vertx, 256);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@3\"}");
        putPolicy(gw, "broken", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"bad@1\"}");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, predict(gw, "sh", TestModels.row(1.0, "red")).statusCode());
            assertEquals(200, predict(gw, "broken", TestModels.row(1.0, "red")).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> report().at("/shadow/classified").asLong() == 10
                && arm(getJson(gw, "/v1/endpoints/broken/report"), "shadow").get("errors").asLong() == 10);
        assertEquals(0, report().at("/shadow/failed_copies").asLong(), report().toString());
        assertEquals(10, getJson(gw, "/v1/endpoints/broken/report").at("/shadow/failed_copies").asLong());
        assertEquals(0, getJson(gw, "/v1/endpoints/broken/report").at("/shadow/dropped_copies").asLong());
    }

    @Test
    void sampledShadowCopiesAboutThatShareOfRequests(Vertx vertx) {
        start(vertx, 256);
        putPolicy(gw, "sh", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@3\",\"sample\":0.25}");
        for (int i = 0; i < 200; i++) {
            assertEquals(200, predict(gw, "sh", TestModels.row(1.0, "red")).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode r = report();
            return r.at("/shadow/queued_copies").asLong() == 0
                    && r.at("/shadow/classified").asLong() == arm(r, "shadow").get("requests").asLong();
        });
        long copies = arm(report(), "shadow").get("requests").asLong();
        assertTrue(copies > 25 && copies < 80, "a 25% sample of 200 requests copied " + copies);
        assertEquals(200, arm(report(), "primary").get("requests").asLong());
    }

    private JsonNode report() {
        return getJson(gw, "/v1/endpoints/sh/report");
    }
}
