package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.json;
import static io.autogate.gateway.endpoints.EndpointTestSupport.predict;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Endpoint routes' errors over real HTTP: status, code, a message naming the problem, and a request id. */
@ExtendWith(VertxExtension.class)
class EndpointErrorsTest {
    private static final String SINGLE = "{\"type\":\"single\",\"model\":\"churn@1\"}";

    @TempDir
    Path dir;
    GatewayHarness gw;
    private final List<HttpResponse<String>> seen = new ArrayList<>();

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir);
        gw.register("churn", TestModels.churn(2));
        gw.start();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private HttpResponse<String> track(HttpResponse<String> r) {
        seen.add(r);
        return r;
    }

    private HttpResponse<String> putWith(String path, String authorization, String body) {
        HttpRequest.Builder b = gw.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return track(gw.send(b.build()));
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String inMessage) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = json(r).get("error");
        if (code != null) {
            assertEquals(code, error.get("code").asText(), r.body());
        }
        if (inMessage != null) {
            assertTrue(error.get("message").asText().contains(inMessage), r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void unknownEndpointsAreNotFoundOnEveryRoute() {
        assertError(track(gw.get("/v1/endpoints/ghost")), 404, "endpoint_not_found", "ghost");
        assertError(track(predict(gw, "ghost", TestModels.row(1, "red"))), 404, "endpoint_not_found", null);
        assertError(track(gw.get("/v1/endpoints/ghost/report")), 404, "endpoint_not_found", null);
        assertError(track(gw.get("/v1/endpoints/ghost/drift")), 404, "endpoint_not_found", null);
        assertError(track(gw.deleteAdmin("/v1/endpoints/ghost")), 404, "endpoint_not_found", null);
        assertEveryAnswerHasARequestId();
    }

    @Test
    void badPoliciesAreRejectedNamingTheField() {
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"ab\",\"arms\":[{\"name\":\"a\",\"model\":\"churn@1\","
                + "\"weight\":70},{\"name\":\"b\",\"model\":\"churn@1\",\"weight\":-1}]}")), 400, null, "arms[1].weight");
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"blue-green\"}")), 400, null, "blue-green");
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"model\":\"churn@1\"}")), 400, null, "type");
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"single\",\"model\":\"churn@1\",\"colour\":1}")),
                400, null, "colour");
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"canary\",\"stable\":\"churn@1\",\"candidate\":\"churn@1\","
                + "\"steps\":[50,20]}")), 400, null, null);
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"single\"")), 400, null, null);
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"single\",\"model\":\"churn@x\"}")), 400, null, "model");
        assertError(track(gw.get("/v1/endpoints/e")), 404, "endpoint_not_found", null);
        assertEveryAnswerHasARequestId();
    }

    @Test
    void adminKeyIsRequiredToChangeEndpoints() {
        assertError(putWith("/v1/endpoints/e", null, SINGLE), 401, "unauthorized", null);
        assertError(putWith("/v1/endpoints/e", "Bearer wrong-key", SINGLE), 403, "forbidden", null);
        assertError(track(gw.send(gw.request("/v1/endpoints/e").DELETE().build())), 401, "unauthorized", null);
        assertError(track(gw.get("/v1/endpoints/e")), 404, "endpoint_not_found", null);
        assertEquals(200, track(putWith("/v1/endpoints/e", "Bearer " + GatewayHarness.ADMIN_KEY, SINGLE)).statusCode());
        assertError(track(gw.send(gw.request("/v1/endpoints/e").header("Authorization", "Bearer nope").DELETE().build())),
                403, "forbidden", null);
        assertEquals(200, track(gw.get("/v1/endpoints/e")).statusCode());
        assertEveryAnswerHasARequestId();
    }

    @Test
    void policiesNamingMissingModelsAreNotFound() {
        HttpResponse<String> r = track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"single\",\"model\":\"nothing@1\"}"));
        assertError(r, 404, null, "nothing");
        assertError(track(gw.putAdmin("/v1/endpoints/e", "{\"type\":\"shadow\",\"primary\":\"churn@1\",\"shadow\":\"churn@7\"}")),
                404, null, null);
        assertError(track(gw.get("/v1/endpoints/e")), 404, "endpoint_not_found", null);
        assertEveryAnswerHasARequestId();
    }

    @Test
    void invalidEndpointNamesAreBadRequests() throws Exception {
        assertError(track(gw.putAdmin("/v1/endpoints/a%20b", SINGLE)), 400, null, "endpoint name");
        assertError(track(gw.get("/v1/endpoints/a%20b")), 400, null, "endpoint name");
        assertError(track(gw.putAdmin("/v1/endpoints/..%2Fx", SINGLE)), 400, null, "endpoint name");
        assertError(track(predict(gw, "..%2F..%2Fx", TestModels.row(1, "red"))), 400, null, null);
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("x")), "no file may be written for a bad name");
        }
        assertEveryAnswerHasARequestId();
    }

    @Test
    void badPredictBodiesAndDeletedEndpoints() {
        putPolicy(gw, "e", SINGLE);
        assertError(track(gw.postJson("/v1/endpoints/e/predict", "{\"rows\":[{\"color\":\"red\"}]}")), 400, "invalid_input", "x");
        assertError(track(gw.postJson("/v1/endpoints/e/predict", "{\"rows\":[")), 400, null, "JSON");
        assertEquals(204, track(gw.deleteAdmin("/v1/endpoints/e")).statusCode());
        assertError(track(predict(gw, "e", TestModels.row(1, "red"))), 404, "endpoint_not_found", null);
        JsonNode list = json(track(gw.get("/v1/endpoints")));
        assertEquals(0, list.get("endpoints").size(), list.toString());
        assertEveryAnswerHasARequestId();
    }

    private void assertEveryAnswerHasARequestId() {
        assertFalse(seen.isEmpty());
        for (HttpResponse<String> r : seen) {
            String id = r.headers().firstValue("X-Request-Id").orElse("");
            assertFalse(id.isBlank(), "no X-Request-Id on " + r.request().method() + " " + r.uri() + " -> " + r.statusCode());
        }
    }
}
