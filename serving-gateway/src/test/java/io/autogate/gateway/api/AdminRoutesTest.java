package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.BehaviourTestModel;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.autogate.runtime.model.onnx.TribuoOnnxModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;

/** Alias moves, version deletion and ONNX import over HTTP, with the admin key. */
@ExtendWith(VertxExtension.class)
class AdminRoutesTest {
    private static final String BOUNDARY = "autogate-test-boundary";

    @TempDir
    Path dir;
    @TempDir
    Path work;
    GatewayHarness gw;

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir, b -> b.cache(1L << 30, Duration.ofMillis(100)));
        gw.register("churn", TestModels.churn(2));
        gw.register("churn", TestModels.churn(-2));
        gw.start();
    }

    @AfterEach
    void stop() {
        BehaviourTestModel.release();
        gw.close();
    }

    private JsonNode predict(String ref, double x) {
        HttpResponse<String> r = gw.postJson("/v1/models/" + ref + "/predict", "{\"rows\":[" + TestModels.row(x, "red") + "]}");
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void movingAnAliasSwitchesPredictionsWithoutARestart() {
        HttpResponse<String> set = gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("prod", json(set).get("alias").asText());
        assertEquals(1, json(set).get("version").asInt());
        JsonNode v1 = predict("churn:prod", 1.5);
        assertEquals(1, v1.get("version").asInt());
        assertEquals("yes", v1.at("/predictions/0/prediction").asText());

        assertEquals(200, gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":2}").statusCode());
        JsonNode v2 = predict("churn:prod", 1.5);
        assertEquals(2, v2.get("version").asInt(), "the gateway's own alias move takes effect at once");
        assertEquals("no", v2.at("/predictions/0/prediction").asText());
        assertEquals(2, json(gw.get("/v1/models/churn")).at("/aliases/prod").asInt());

        double loads = cacheMisses();
        assertEquals(200, gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}").statusCode());
        assertEquals(1, predict("churn:prod", 1.5).get("version").asInt());
        assertEquals(loads, cacheMisses(), 0.0, "moving an alias does not reload versions already loaded");
    }

    @Test
    void modelDetailsCarryTheLatestVersionsRobustnessCard() {
        assertTrue(json(gw.get("/v1/models/churn")).get("robustness").isNull(), "a version without a card shows none");
        io.autogate.runtime.artifact.ModelArtifact plain = TestModels.churn(1);
        io.autogate.runtime.artifact.RobustnessCard card = new io.autogate.runtime.artifact.RobustnessCard("balanced",
                "trial 2 xgboost", "auc", "when the region changes, auc drops from 0.910 to 0.840",
                List.of(java.util.Map.of("kind", "domain", "label", "region=west", "test_rows", 120)),
                List.of(java.util.Map.of("candidate", "trial 2 xgboost", "iid", 0.91, "worst", 0.84)));
        gw.register("churn", new io.autogate.runtime.artifact.ModelArtifact(plain.manifest().withRobustness(card),
                plain.models()));
        JsonNode robustness = json(gw.get("/v1/models/churn")).get("robustness");
        assertEquals("when the region changes, auc drops from 0.910 to 0.840", robustness.get("summary").asText());
        assertEquals("balanced", robustness.get("policy").asText());
        assertEquals("region=west", robustness.at("/splits/0/label").asText());
        assertEquals(0.84, robustness.at("/candidates/0/worst").asDouble(), 1e-12);
    }

    private double cacheMisses() {
        return gw.get("/metrics").body().lines().filter(l -> l.startsWith("cache_gets_total{") && l.contains("result=\"miss\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anAliasMovedInTheRegistryIsPickedUpWithinTheTtl() throws Exception {
        assertEquals(200, gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}").statusCode());
        assertEquals(1, predict("churn:prod", 1).get("version").asInt());
        gw.registry().setAlias("churn", "prod", 2);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> predict("churn:prod", 1).get("version").asInt() == 2);
        int third = gw.register("churn", TestModels.churn(3));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> predict("churn", 1).get("version").asInt() == third);
    }

    @Test
    void aRequestInFlightFinishesOnTheVersionItStartedWith() throws Exception {
        gw.register("mix", TestModels.stalling());
        gw.register("mix", TestModels.churn(2));
        assertEquals(200, gw.putAdmin("/v1/models/mix/aliases/live", "{\"version\":1}").statusCode());
        BehaviourTestModel.rearm();
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                gw.request("/v1/models/mix:live/predict").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"rows\":[" + TestModels.row(1, "red") + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> BehaviourTestModel.STALLED.get() == 1);

        assertEquals(200, gw.putAdmin("/v1/models/mix/aliases/live", "{\"version\":2}").statusCode());
        assertEquals(2, predict("mix:live", 1).get("version").asInt());
        BehaviourTestModel.release();
        HttpResponse<String> first = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(1, json(first).get("version").asInt());
        assertEquals(0.5, json(first).at("/predictions/0/probabilities/yes").asDouble(), 1e-12);
    }

    @Test
    void aliasRequestsAreChecked() {
        assertError(gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":9}"), 404, "model_not_found");
        assertError(gw.putAdmin("/v1/models/nope/aliases/prod", "{\"version\":1}"), 404, "model_not_found");
        assertError(gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":\"1\"}"), 400, "invalid_input");
        assertError(gw.putAdmin("/v1/models/churn/aliases/prod", "{}"), 400, "invalid_input");
        assertError(gw.putAdmin("/v1/models/churn/aliases/bad%20alias", "{\"version\":1}"), 400, "invalid_input");
    }

    @Test
    void deletingAVersionIsRefusedWhileAnAliasPointsToIt() {
        assertEquals(200, gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}").statusCode());
        assertEquals(1, predict("churn@1", 1).get("version").asInt());
        assertError(gw.deleteAdmin("/v1/models/churn/versions/1"), 409, "model_in_use");
        assertEquals(1, predict("churn@1", 1).get("version").asInt());

        HttpResponse<String> deleted = gw.deleteAdmin("/v1/models/churn/versions/2");
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        assertError(gw.postJson("/v1/models/churn@2/predict", "{\"rows\":[" + TestModels.row(1, "red") + "]}"), 404,
                "model_not_found");
        assertEquals(1, predict("churn", 1).get("version").asInt(), "latest falls back to the remaining version");
        assertError(gw.deleteAdmin("/v1/models/churn/versions/2"), 404, "model_not_found");
        assertError(gw.deleteAdmin("/v1/models/churn/versions/two"), 400, "invalid_input");
    }

    @Test
    void aModelWithEveryVersionDeletedIsNotFoundButKeepsItsNumbers() {
        assertEquals(204, gw.deleteAdmin("/v1/models/churn/versions/1").statusCode());
        assertEquals(204, gw.deleteAdmin("/v1/models/churn/versions/2").statusCode());
        assertError(gw.get("/v1/models/churn"), 404, "model_not_found");
        assertError(gw.postJson("/v1/models/churn/predict", "{\"rows\":[" + TestModels.row(1, "red") + "]}"), 404,
                "model_not_found");
        assertError(gw.get("/v2/models/churn"), 404, "model_not_found");
        HttpResponse<String> list = gw.get("/v1/models");
        assertEquals(200, list.statusCode(), list.body());
        for (JsonNode m : json(list).get("models")) {
            assertTrue(m.get("versions").size() > 0 || !"churn".equals(m.get("name").asText()), list.body());
        }
        assertEquals(3, gw.register("churn", TestModels.churn(1)), "numbers are never reused");
        assertEquals(3, predict("churn", 1).get("version").asInt());
    }

    private static byte[] multipart(byte[] model, String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (model != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"model\"; filename=\"model.onnx\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(model);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (spec != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"spec\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + spec + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> importOnnx(String name, byte[] body, boolean withKey) {
        HttpRequest.Builder request = gw.request("/v1/models/" + name + "/onnx")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (withKey) {
            request.header("Authorization", "Bearer " + GatewayHarness.ADMIN_KEY);
        }
        return gw.send(request.build());
    }

    private static String spec(List<String> classes) {
        StringJoiner c = new StringJoiner("\",\"", "[\"", "\"]");
        classes.forEach(c::add);
        StringJoiner f = new StringJoiner("\",\"", "[\"", "\"]");
        TribuoOnnxModels.FEATURES.forEach(f::add);
        return "{\"target\":\"kind\",\"task\":\"multiclass\",\"classes\":" + c + ",\"columns\":" + f + "}";
    }

    @Test
    void anImportedOnnxModelPredictsLikeTheTribuoModel() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(work, 42);
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < exported.model().getOutputIDInfo().size(); i++) {
            classes.add(exported.model().getOutputIDInfo().getOutput(i).getLabel());
        }
        HttpResponse<String> created = importOnnx("species", multipart(exported.onnx(), spec(classes)), true);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("species", json(created).get("name").asText());
        assertEquals(1, json(created).get("version").asInt());
        assertEquals("a_len", json(created).at("/schema/columns/0/name").asText());

        StringJoiner rows = new StringJoiner(",", "{\"rows\":[", "]}");
        for (double[] row : exported.rows()) {
            StringJoiner one = new StringJoiner(",", "{", "}");
            for (int j = 0; j < row.length; j++) {
                one.add("\"" + TribuoOnnxModels.FEATURES.get(j) + "\":" + row[j]);
            }
            rows.add(one.toString());
        }
        HttpResponse<String> r = gw.postJson("/v1/models/species/predict", rows.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode predictions = json(r).get("predictions");
        var expected = exported.predictions();
        assertEquals(expected.size(), predictions.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getOutput().getLabel(), predictions.get(i).get("prediction").asText(), "row " + i);
        }
    }

    @Test
    void badImportsAreRefused() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(work, 7);
        List<String> classes = List.of("x", "y", "z");
        assertError(importOnnx("species", multipart(exported.onnx(), spec(classes)), false), 401, "unauthorized");
        assertError(importOnnx("species", multipart(exported.onnx(), "{\"target\":\"kind\",\"task\":\"multiclass\","
                + "\"columns\":[{\"name\":\"a_len\",\"type\":\"numeric\"}]}"), true), 400, "invalid_input");
        assertError(importOnnx("species", multipart(exported.onnx(), "{\"task\":\"regression\",\"columns\":[\"a\"],"
                + "\"target\":\"t\",\"colour\":1}"), true), 400, "invalid_input");
        assertError(importOnnx("species", multipart(exported.onnx(), "not json"), true), 400, "invalid_input");
        assertError(importOnnx("species", multipart("garbage, not a model".getBytes(StandardCharsets.UTF_8), spec(classes)),
                true), 400, "invalid_input");
        assertError(importOnnx("species", multipart(exported.onnx(), null), true), 400, "invalid_input");
        assertError(importOnnx("species", multipart(null, spec(classes)), true), 400, "invalid_input");
        assertError(importOnnx("bad%20name", multipart(exported.onnx(), spec(classes)), true), 400, "invalid_input");
        assertError(gw.get("/v1/models/species"), 404, "model_not_found");
    }
}
