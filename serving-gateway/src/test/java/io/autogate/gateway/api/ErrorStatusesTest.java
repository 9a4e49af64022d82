package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.testing.BehaviourTestModel;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import io.autogate.gateway.GatewayConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal has its HTTP status and the one JSON error shape, never a stack trace. */
@ExtendWith(VertxExtension.class)
class ErrorStatusesTest {
    @TempDir
    Path dir;
    GatewayHarness gw;

    private void start(Vertx vertx, UnaryOperator<GatewayConfig.Builder> settings) {
        gw = GatewayHarness.create(vertx, dir, settings);
        gw.register("churn", TestModels.churn(2));
        gw.register("slow", TestModels.stalling());
        gw.register("broken", TestModels.failing());
        gw.start();
    }

    @AfterEach
    void stop() {
        BehaviourTestModel.release();
        if (gw != null) {
            gw.close();
        }
    }

    private static String rows(int n) {
        StringJoiner rows = new StringJoiner(",", "{\"rows\":[", "]}");
        for (int i = 0; i < n; i++) {
            rows.add(TestModels.row(i, "red"));
        }
        return rows.toString();
    }

    @Test
    void bodiesAboveTheLimitAndTooManyRowsAre413(Vertx vertx) {
        start(vertx, b -> b.limits(1024, 1 << 20, 5));
        assertEquals(200, gw.postJson("/v1/models/churn/predict", rows(5)).statusCode());
        assertError(gw.postJson("/v1/models/churn/predict", rows(6)), 413, "too_many_rows");
        String big = "{\"rows\":[" + TestModels.row(1, "red") + "],\"pad\":\"" + "x".repeat(2000) + "\"}";
        assertError(gw.postJson("/v1/models/churn/predict", big), 413, "body_too_large");
        assertError(gw.postJson("/v2/models/churn/infer", big), 413, "body_too_large");
        assertError(gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1,\"pad\":\"" + "x".repeat(2000) + "\"}"),
                413, "body_too_large");
    }

    @Test
    void uploadsAboveTheUploadLimitAre413(Vertx vertx) {
        start(vertx, b -> b.limits(1024, 4096, 5));
        StringBuilder csv = new StringBuilder("x,color\n");
        while (csv.length() < 20_000) {
            csv.append("1.25,red\n");
        }
        assertError(gw.send(gw.request("/v1/batch-jobs?model=churn").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build()), 413, "body_too_large");
        HttpResponse<String> streamed = gw.send(gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
        assertEquals(200, streamed.statusCode(), "a streamed batch is not bound by the upload limit");
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"; filename=\"m.onnx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "0".repeat(10_000) + "\r\n--" + boundary + "--\r\n";
        assertError(gw.send(gw.request("/v1/models/big/onnx").header("Authorization", "Bearer " + GatewayHarness.ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build()), 413, "body_too_large");
        assertEquals(200, gw.postJson("/v1/models/churn/predict", rows(1)).statusCode(), "the gateway still answers");
        Path uploads = dir.resolve(".gateway").resolve("uploads");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Stream<Path> left = Files.list(uploads)) {
                assertEquals(List.of(), left.toList(), "refused uploads leave no files behind");
            }
        });
    }

    @Test
    void wrongContentTypesAre415(Vertx vertx) {
        start(vertx, b -> b);
        assertError(gw.send(gw.request("/v1/models/churn/predict").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(rows(1))).build()), 415, "unsupported_media_type");
        assertError(gw.send(gw.request("/v1/models/churn/batch").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rows(1))).build()), 415, "unsupported_media_type");
        assertError(gw.send(gw.request("/v1/models/churn/batch")
                .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n")).build()), 415, "unsupported_media_type");
        assertError(gw.send(gw.request("/v2/models/churn/infer").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 415, "unsupported_media_type");
        assertError(gw.send(gw.request("/v1/batch-jobs?model=churn").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n")).build()), 415, "unsupported_media_type");
    }

    @Test
    void malformedBodiesAre400(Vertx vertx) throws Exception {
        start(vertx, b -> b);
        assertError(gw.postJson("/v1/models/churn/predict", ""), 400, "invalid_input");
        assertError(gw.postJson("/v1/models/churn/predict", "[1,2]"), 400, "invalid_input");
        assertError(gw.postJson("/v1/models/churn/predict", "{\"rows\":[]}"), 400, "invalid_input");
        assertError(gw.postJson("/v1/models/churn/predict", "{\"rows\":[1]} trailing"), 400, "invalid_input");
        assertError(gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":{\"a\":1},\"color\":\"red\"}]}"), 400,
                "invalid_input");
        assertError(gw.postJson("/v1/models/bad%20name/predict", rows(1)), 400, "invalid_input");
        for (String path : new String[] {"/v1/models/..%2F..%2Fetc/predict", "/v1/models/churn@1%2F..%2F..%2Fx/predict",
                "/v1/models/.hidden/predict", "/v1/models/" + "a".repeat(65) + "/predict"}) {
            HttpResponse<String> r = gw.postJson(path, rows(1));
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode() + " " + r.body());
            assertError(r, r.statusCode(), null);
        }
        assertError(gw.get("/v2/models/..%2Fchurn"), 400, "invalid_input");
        String raw = rawGet("/v1/models/%zz");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertTrue(raw.contains("\"code\":\"") && !raw.contains("Exception"), raw);
        Path file = Files.writeString(dir.resolve("rows.csv"), "x,color\n1,red\n");
        HttpResponse<String> noFolder = gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\",\"input_path\":\""
                + file.toString().replace("\\", "\\\\") + "\"}");
        assertError(noFolder, 400, "invalid_input");
        assertTrue(noFolder.body().contains("not enabled"), "server-side inputs are off without a folder: " + noFolder.body());
    }

    /** Sends a GET the JDK client would refuse to build (a malformed escape), returning the raw answer. */
    private String rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.gateway().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFullPoolAnswers503WithRetryAfterAndHealthStillAnswers(Vertx vertx) throws Exception {
        start(vertx, b -> b.capacity(1, 1));
        BehaviourTestModel.rearm();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(gw.request("/v1/models/slow/predict")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(rows(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> BehaviourTestModel.STALLED.get() == 1);

        HttpResponse<String> refused = gw.postJson("/v1/models/churn/predict", rows(1));
        assertError(refused, 503, "overloaded");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertError(gw.get("/v1/models"), 503, "overloaded");
        assertError(gw.send(gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n")).build()), 503, "overloaded");
        assertEquals(200, gw.get("/health/live").statusCode());
        assertEquals(200, gw.get("/health/ready").statusCode());
        assertEquals(200, gw.get("/metrics").statusCode());

        BehaviourTestModel.release();
        HttpResponse<String> done = first.get(10, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), done.body());
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> gw.postJson("/v1/models/churn/predict", rows(1)).statusCode() == 200);
    }

    @Test
    void aModelThatThrowsIsA500WithoutDetails(Vertx vertx) {
        start(vertx, b -> b);
        HttpResponse<String> r = gw.postJson("/v1/models/broken/predict", rows(1));
        assertError(r, 500, "internal_error");
        assertTrue(!r.body().contains("always fails"), "the model's own message stays in the server log: " + r.body());
    }

    @Test
    void adminRoutesNeedTheAdminKey(Vertx vertx) {
        start(vertx, b -> b);
        String alias = "/v1/models/churn/aliases/prod";
        assertError(gw.send(gw.request(alias).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":1}")).build()), 401, "unauthorized");
        assertError(gw.send(gw.request(alias).header("Content-Type", "application/json").header("Authorization", "Bearer nope")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":1}")).build()), 403, "forbidden");
        assertEquals(200, gw.send(gw.request(alias).header("Content-Type", "application/json")
                .header("X-Admin-Key", GatewayHarness.ADMIN_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":1}")).build()).statusCode());
        assertError(gw.send(gw.request("/v1/models/churn/versions/1").DELETE().build()), 401, "unauthorized");
        assertError(gw.send(gw.request("/v1/models/churn/onnx").header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b--\r\n")).build()), 401, "unauthorized");
    }

    @Test
    void withoutAnAdminKeyAdminRoutesAreDisabledAndAPredictKeyGuardsPredict(Vertx vertx) {
        start(vertx, b -> b.keys(null, "predict-key"));
        assertError(gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}"), 403, "admin_disabled");
        assertError(gw.postJson("/v1/models/churn/predict", rows(1)), 401, "unauthorized");
        assertError(gw.send(gw.request("/v1/models/churn/predict").header("Content-Type", "application/json")
                .header("X-Api-Key", "wrong").POST(HttpRequest.BodyPublishers.ofString(rows(1))).build()), 403, "forbidden");
        assertEquals(200, gw.send(gw.request("/v1/models/churn/predict").header("Content-Type", "application/json")
                .header("X-Api-Key", "predict-key").POST(HttpRequest.BodyPublishers.ofString(rows(1))).build()).statusCode());
        assertEquals(200, gw.send(gw.request("/v2/models/churn/infer").header("Content-Type", "application/json")
                .header("Authorization", "Bearer predict-key").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]},"
                        + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}")).build())
                .statusCode());
        assertError(gw.send(gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n")).build()), 401, "unauthorized");
        assertEquals(200, gw.get("/v1/models").statusCode(), "reading the registry needs no key");
        assertError(gw.get("/v1/batch-jobs"), 401, "unauthorized");
        assertError(gw.get("/v1/batch-jobs/" + java.util.UUID.nameUUIDFromBytes(new byte[] {2})), 401, "unauthorized");
        assertError(gw.get("/v1/batch-jobs/" + java.util.UUID.nameUUIDFromBytes(new byte[] {2}) + "/result"), 401,
                "unauthorized");
        assertEquals(200, gw.send(gw.request("/v1/batch-jobs").header("X-Api-Key", "predict-key").GET().build()).statusCode());
    }

    @Test
    void unknownThingsAre404AndWrongMethods405(Vertx vertx) {
        start(vertx, b -> b);
        assertError(gw.get("/v1/nothing"), 404, "route_not_found");
        assertError(gw.get("/v1/models/nope"), 404, "model_not_found");
        assertError(gw.postJson("/v1/models/nope/predict", rows(1)), 404, "model_not_found");
        assertError(gw.get("/v2/models/nope"), 404, "model_not_found");
        assertError(gw.get("/v2/models/churn/versions/7/ready"), 404, "model_not_found");
        assertError(gw.get("/v1/batch-jobs/" + java.util.UUID.nameUUIDFromBytes(new byte[] {1}) + ""), 404, "job_not_found");
        assertError(gw.deleteAdmin("/v1/models/churn/versions/9"), 404, "model_not_found");
        assertError(gw.send(gw.request("/v1/models").DELETE().build()), 405, "method_not_allowed");
        assertError(gw.send(gw.request("/v1/models/churn/predict").GET().build()), 405, "method_not_allowed");
    }
}
