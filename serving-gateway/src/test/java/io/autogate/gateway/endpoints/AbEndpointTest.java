package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.arm;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A/B endpoints over real HTTP: weighted shares, sticky keys, per-arm counts in the report. */
class AbEndpointTest extends GatewayTestBase {
    private static final String AB_BY_HEADER = "{\"type\":\"ab\",\"arms\":[{\"name\":\"a\",\"model\":\"churn@1\",\"weight\":70},"
            + "{\"name\":\"b\",\"model\":\"churn@2\",\"weight\":30}],\"sticky\":{\"header\":\"X-User-Id\"}}";

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("churn", TestModels.churn(-2));
    }

    @Test
    void stickyUsersSplitSeventyThirtyAndKeepTheirArm() throws Exception {
        putPolicy(gw, "ab", AB_BY_HEADER);
        int users = 2000;
        int perUser = 5;
        Map<String, String> armOfUser = new ConcurrentHashMap<>();
        Map<String, Integer> served = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<?>[] halves = new Future<?>[2];
            for (int t = 0; t < 2; t++) {
                int half = t;
                halves[t] = clients.submit(() -> {
                    for (int u = half; u < users; u += 2) {
                        String user = "user-" + u;
                        for (int i = 0; i < perUser; i++) {
                            HttpResponse<String> r = predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", user);
                            assertEquals(200, r.statusCode(), r.body());
                            JsonNode body = json(r);
                            String arm = body.get("arm").asText();
                            assertEquals("ab", body.get("endpoint").asText());
                            assertEquals(arm.equals("a") ? 1 : 2, body.get("version").asInt(), r.body());
                            assertEquals(arm, r.headers().firstValue("X-Autogate-Arm").orElseThrow());
                            String first = armOfUser.putIfAbsent(user, arm);
                            assertEquals(first == null ? arm : first, arm, "user " + user + " changed arm");
                            served.merge(arm, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> f : halves) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        int total = users * perUser;
        assertEquals(total, served.getOrDefault("a", 0) + served.getOrDefault("b", 0), served.toString());
        double shareA = served.get("a") / (double) total;
        assertEquals(0.70, shareA, 0.025, "share of arm a: " + served);
        long usersOnA = armOfUser.values().stream().filter("a"::equals).count();
        assertEquals(0.70, usersOnA / (double) users, 0.025, "share of users on arm a");

        JsonNode report = getJson(gw, "/v1/endpoints/ab/report");
        assertEquals("ab", report.get("type").asText());
        assertEquals(served.get("a").longValue(), arm(report, "a").get("requests").asLong(), report.toString());
        assertEquals(served.get("b").longValue(), arm(report, "b").get("requests").asLong(), report.toString());
        assertEquals(0, arm(report, "a").get("errors").asLong());
        assertEquals("churn@1", arm(report, "a").get("model").asText());

        String metrics = gw.get("/metrics").body();
        for (String name : new String[] {"a", "b"}) {
            Matcher m = Pattern.compile("(?m)^autogate_predictions_seconds_count\\{arm=\"" + name
                    + "\",endpoint=\"ab\",model=\"churn@" + (name.equals("a") ? 1 : 2) + "\"} ([0-9.eE+]+)$").matcher(metrics);
            assertTrue(m.find(), "no prediction count for arm " + name + " in /metrics");
            assertEquals(served.get(name).longValue(), (long) Double.parseDouble(m.group(1)));
        }
    }

    @Test
    void stickyFieldKeepsARowKeyOnOneArmAndUnkeyedRequestsSplitRandomly() {
        putPolicy(gw, "byfield", "{\"type\":\"ab\",\"arms\":[{\"name\":\"a\",\"model\":\"churn@1\",\"weight\":50},"
                + "{\"name\":\"b\",\"model\":\"churn@2\",\"weight\":50}],\"sticky\":{\"field\":\"user_id\"}}");
        Map<String, String> armOfUser = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int u = 0; u < 40; u++) {
                String row = "{\"x\":1.0,\"color\":\"red\",\"user_id\":\"u" + u + "\"}";
                HttpResponse<String> r = predict(gw, "byfield", row);
                assertEquals(200, r.statusCode(), r.body());
                String arm = json(r).get("arm").asText();
                assertEquals(armOfUser.computeIfAbsent("u" + u, k -> arm), arm, "user u" + u + " changed arm");
            }
        }
        assertTrue(armOfUser.containsValue("a") && armOfUser.containsValue("b"), armOfUser.toString());

        Map<String, Integer> unkeyed = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = predict(gw, "byfield", TestModels.row(1.0, "red"));
            assertEquals(200, r.statusCode(), r.body());
            unkeyed.merge(json(r).get("arm").asText(), 1, Integer::sum);
        }
        assertTrue(unkeyed.getOrDefault("a", 0) > 60 && unkeyed.getOrDefault("b", 0) > 60, unkeyed.toString());
    }

    @Test
    void replacingThePolicyMovesTrafficAndResetsTheReport() {
        putPolicy(gw, "ab", AB_BY_HEADER);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "u" + i).statusCode());
        }
        putPolicy(gw, "ab", "{\"type\":\"single\",\"model\":\"churn@2\"}");
        HttpResponse<String> r = predict(gw, "ab", TestModels.row(1.0, "red"), "X-User-Id", "u1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, json(r).get("version").asInt());
        assertEquals("no", json(r).at("/predictions/0/prediction").asText());
        JsonNode report = getJson(gw, "/v1/endpoints/ab/report");
        assertEquals("single", report.get("type").asText());
        assertEquals(1, report.get("arms").size(), report.toString());
        assertEquals(1, report.at("/arms/0/requests").asLong(), report.toString());
    }
}
