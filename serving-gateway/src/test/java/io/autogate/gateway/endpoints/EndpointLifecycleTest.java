package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.getJson;
import static io.autogate.gateway.endpoints.EndpointTestSupport.json;
import static io.autogate.gateway.endpoints.EndpointTestSupport.predict;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Creating, replacing, listing and deleting endpoints over real HTTP, across restarts and concurrent changes. */
class EndpointLifecycleTest extends GatewayTestBase {
    private static final String SINGLE = "{\"type\":\"single\",\"model\":\"churn@1\"}";
    private static final String SHADOW = "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@2\",\"sample\":1}";

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("churn", TestModels.churn(-2));
    }

    @Test
    void endpointsAreListedAndSurviveRestartsUntilDeleted() {
        putPolicy(gw, "beta", SHADOW);
        putPolicy(gw, "alpha", SINGLE);
        JsonNode list = getJson(gw, "/v1/endpoints").get("endpoints");
        assertEquals(2, list.size(), list.toString());
        assertEquals("alpha", list.get(0).get("name").asText());
        assertEquals("shadow", list.get(1).at("/policy/type").asText(), list.toString());

        gw.stop();
        gw.start();
        assertEquals("churn@2", getJson(gw, "/v1/endpoints/beta").at("/policy/shadow").asText());
        HttpResponse<String> r = predict(gw, "alpha", TestModels.row(1.0, "red"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("default", json(r).get("arm").asText());

        assertEquals(204, gw.deleteAdmin("/v1/endpoints/alpha").statusCode());
        gw.stop();
        gw.start();
        assertEquals(404, gw.get("/v1/endpoints/alpha").statusCode());
        assertEquals(1, getJson(gw, "/v1/endpoints").get("endpoints").size());
    }

    @Test
    void concurrentReplacementsLeaveMemoryDiskAndMetricsAgreeing() throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            Future<?> singles = admins.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    assertEquals(200, gw.putAdmin("/v1/endpoints/flip", SINGLE).statusCode());
                }
            });
            Future<?> shadows = admins.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    assertEquals(200, gw.putAdmin("/v1/endpoints/flip", SHADOW).statusCode());
                }
            });
            singles.get();
            shadows.get();
        } finally {
            admins.shutdownNow();
        }
        String live = getJson(gw, "/v1/endpoints/flip").at("/policy/type").asText();
        String metrics = gw.get("/metrics").body();
        assertEquals(live.equals("shadow"), metrics.contains("autogate_shadow_agreement{endpoint=\"flip\"}"),
                "agreement gauge must exist exactly when the live policy is a shadow (" + live + ")");
        gw.stop();
        gw.start();
        assertEquals(live, getJson(gw, "/v1/endpoints/flip").at("/policy/type").asText(),
                "the policy on disk must be the one that was serving");
    }

    @Test
    void stickyCanaryKeepsCandidateUsersOnTheCandidateAsItGrows() {
        putPolicy(gw, "roll", "{\"type\":\"canary\",\"stable\":\"churn@1\",\"candidate\":\"churn@2\",\"steps\":[30,60,100],"
                + "\"min_requests_per_step\":5,\"min_step_seconds\":10,\"sticky\":{\"header\":\"X-User-Id\"}}");
        Set<String> onCandidate = new HashSet<>();
        for (int u = 0; u < 100; u++) {
            HttpResponse<String> r = predict(gw, "roll", TestModels.row(1.0, "red"), "X-User-Id", "user" + u);
            if (json(r).get("arm").asText().equals("candidate")) {
                onCandidate.add("user" + u);
            }
        }
        assertTrue(onCandidate.size() > 10 && onCandidate.size() < 50, "30% step put " + onCandidate.size() + " of 100 users on the candidate");
        gw.clock().advance(Duration.ofSeconds(11));
        assertEquals(200, predict(gw, "roll", TestModels.row(1.0, "red"), "X-User-Id", "user0").statusCode());
        assertEquals(1, getJson(gw, "/v1/endpoints/roll").at("/canary/step_index").asInt());
        int moved = 0;
        for (int u = 0; u < 100; u++) {
            String user = "user" + u;
            String arm = json(predict(gw, "roll", TestModels.row(1.0, "red"), "X-User-Id", user)).get("arm").asText();
            if (onCandidate.contains(user)) {
                assertEquals("candidate", arm, user + " left the candidate when its share grew");
            } else if (arm.equals("candidate")) {
                moved++;
            }
        }
        assertTrue(moved > 0, "a larger share should move some stable users to the candidate");
        assertFalse(onCandidate.isEmpty());
    }
}
