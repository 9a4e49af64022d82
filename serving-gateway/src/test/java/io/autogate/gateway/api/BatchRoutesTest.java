package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.BehaviourTestModel;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Streamed batch scoring and batch jobs over HTTP. */
@ExtendWith(VertxExtension.class)
class BatchRoutesTest {
    private static final String CSV = "x,color\n1.5,red\nabc,blue\n-1.5,\"green\"\n";
    private static final String NDJSON = "{\"x\":1.5,\"color\":\"red\"}\n{\"x\":\"abc\",\"color\":\"blue\"}\n"
            + "{\"x\":-1.5,\"color\":\"green\",\"id\":7}\n";

    @TempDir
    Path dir;
    @TempDir
    Path inputs;
    GatewayHarness gw;

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir, b -> b.batchInputDir(inputs));
        gw.register("churn", TestModels.churn(2));
        gw.register("slow", TestModels.stalling());
        gw.register("broken", TestModels.failing());
        gw.start();
    }

    @AfterEach
    void stop() {
        BehaviourTestModel.release();
        gw.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return gw.send(gw.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void csvBatchAnswersEveryRowWithPredictionsAndErrors() {
        HttpResponse<String> r = post("/v1/models/churn/batch", "text/csv", CSV);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().toString());
        List<String> lines = r.body().lines().toList();
        assertEquals(4, lines.size(), r.body());
        assertEquals("x,color,prediction,probability_no,probability_yes,model,error", lines.get(0));
        assertTrue(lines.get(1).startsWith("1.5,red,yes,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",churn@1,"), lines.get(1));
        String[] bad = lines.get(2).split(",", -1);
        assertEquals("abc", bad[0]);
        assertEquals("", bad[2], "no prediction for a bad row");
        assertTrue(bad[bad.length - 1].contains("abc"), lines.get(2));
        assertTrue(lines.get(3).startsWith("-1.5,green,no,"), lines.get(3));
    }

    @Test
    void ndjsonBatchAnswersEveryRow() {
        HttpResponse<String> r = post("/v1/models/churn@1/batch", "application/x-ndjson", NDJSON);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        List<JsonNode> lines = r.body().lines().map(l -> {
            try {
                return ApiTestSupport.JSON.readTree(l);
            } catch (java.io.IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(3, lines.size());
        assertEquals("yes", lines.get(0).get("prediction").asText());
        assertTrue(lines.get(0).at("/probabilities/yes").asDouble() > 0.9, lines.get(0).toString());
        assertEquals("churn@1", lines.get(0).get("model").asText());
        assertTrue(lines.get(1).get("error").asText().contains("abc"), lines.get(1).toString());
        assertEquals(7, lines.get(2).get("id").asInt(), "input fields are kept");
        assertEquals("no", lines.get(2).get("prediction").asText());
    }

    @Test
    void aModelThatFailsGivesEveryRowAnErrorWithoutInternals() {
        HttpResponse<String> r = post("/v1/models/broken/batch", "text/csv", CSV);
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = r.body().lines().toList();
        assertEquals(4, lines.size(), r.body());
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches(".*,broken@1,[^,]+$"), line);
        }
        assertFalse(r.body().contains("Exception") || r.body().contains("always fails"), r.body());

        String id = json(post("/v1/batch-jobs?model=broken", "text/csv", CSV)).get("id").asText();
        awaitJob(id, "SUCCEEDED");
        String result = gw.get("/v1/batch-jobs/" + id + "/result").body();
        assertEquals(r.body(), result);
    }

    @Test
    void badBatchesAreRefusedBeforeStreaming() {
        assertError(post("/v1/models/nope/batch", "text/csv", CSV), 404, "model_not_found");
        HttpResponse<String> headerOnly = post("/v1/models/churn/batch", "text/csv", "x,color\n");
        assertEquals(200, headerOnly.statusCode(), headerOnly.body());
        assertEquals("x,color,prediction,probability_no,probability_yes,model,error\n", headerOnly.body());
        assertError(post("/v1/models/churn@x/batch", "text/csv", CSV), 400, "invalid_input");
        assertError(post("/v1/models/churn/batch", "text/csv", ""), 400, "invalid_input");
    }

    /** A CSV body of {@code rows} rows generated while it is sent. */
    private static InputStream generatedCsv(int rows) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                StringBuilder chunk = new StringBuilder();
                if (next < 0) {
                    chunk.append("x,color\n");
                    next = 0;
                }
                for (int end = Math.min(rows, next + 1000); next < end; next++) {
                    chunk.append((next % 200 - 100) / 50.0).append(',').append(next % 2 == 0 ? "red" : "blue").append('\n');
                }
                return new java.io.ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    @Test
    void aLargeStreamedCsvBodyIsAnsweredRowForRow() {
        int rows = 50_000;
        HttpResponse<String> r = gw.send(gw.request("/v1/models/churn/batch").timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedCsv(rows))).build());
        assertEquals(200, r.statusCode());
        List<String> lines = r.body().lines().toList();
        assertEquals(rows + 1, lines.size());
        long errors = lines.stream().skip(1).filter(l -> !l.endsWith(",churn@1,")).count();
        assertEquals(0, errors, "every row is scored");
        assertTrue(lines.get(rows).startsWith("1.98,blue,yes,"), lines.get(rows));
    }

    private JsonNode awaitJob(String id, String state) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> r = gw.get("/v1/batch-jobs/" + id);
            assertEquals(200, r.statusCode(), r.body());
            last[0] = json(r);
            return state.equals(last[0].get("status").asText());
        });
        return last[0];
    }

    @Test
    void anUploadedCsvJobRunsToADownloadableResult() {
        HttpResponse<String> submitted = post("/v1/batch-jobs?model=churn", "text/csv", CSV);
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonNode job = json(submitted);
        String id = job.get("id").asText();
        assertEquals("churn", job.get("model").asText());
        assertEquals("csv", job.get("format").asText());
        assertTrue(List.of("QUEUED", "RUNNING", "SUCCEEDED").contains(job.get("status").asText()), job.toString());

        JsonNode done = awaitJob(id, "SUCCEEDED");
        assertEquals(3, done.get("rows_done").asInt(), done.toString());
        assertEquals(3, done.get("rows_total").asInt(), done.toString());
        assertFalse(done.get("finished_at").isNull(), done.toString());

        HttpResponse<String> result = gw.get("/v1/batch-jobs/" + id + "/result");
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(post("/v1/models/churn/batch", "text/csv", CSV).body(), result.body(),
                "a job scores like a streamed batch");

        JsonNode list = json(gw.get("/v1/batch-jobs"));
        assertEquals(id, list.at("/jobs/0/id").asText());
    }

    @Test
    void anNdjsonJobOnAPinnedVersionAndRefusedUploads() {
        HttpResponse<String> submitted = post("/v1/batch-jobs?model=churn@1", "application/x-ndjson", NDJSON);
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = json(submitted).get("id").asText();
        awaitJob(id, "SUCCEEDED");
        HttpResponse<String> result = gw.get("/v1/batch-jobs/" + id + "/result");
        assertTrue(result.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        assertEquals(3, result.body().lines().count());

        assertError(post("/v1/batch-jobs", "text/csv", CSV), 400, "invalid_input");
        assertError(post("/v1/batch-jobs?model=churn&endpoint=e", "text/csv", CSV), 400, "invalid_input");
        assertError(post("/v1/batch-jobs?model=nope", "text/csv", CSV), 404, "model_not_found");
        assertError(gw.get("/v1/batch-jobs/not-a-job"), 400, "invalid_input");
    }

    @Test
    void theResultOfAnUnfinishedJobIsAConflict() {
        BehaviourTestModel.rearm();
        String id = json(post("/v1/batch-jobs?model=slow", "text/csv", CSV)).get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> BehaviourTestModel.STALLED.get() == 1);
        assertEquals("RUNNING", json(gw.get("/v1/batch-jobs/" + id)).get("status").asText());
        assertError(gw.get("/v1/batch-jobs/" + id + "/result"), 409, "job_not_finished");
        BehaviourTestModel.release();
        awaitJob(id, "SUCCEEDED");
        assertEquals(200, gw.get("/v1/batch-jobs/" + id + "/result").statusCode());
    }

    @Test
    void aJsonJobReadsOnlyFromTheBatchInputFolder() throws Exception {
        Path inside = Files.writeString(inputs.resolve("customers.csv"), CSV);
        Path outside = Files.writeString(dir.resolve("secret.csv"), CSV);
        HttpResponse<String> refused = gw.postJson("/v1/batch-jobs",
                "{\"model\":\"churn\",\"input_path\":\"" + outside.toString().replace("\\", "\\\\") + "\"}");
        assertError(refused, 400, "invalid_input");
        assertFalse(refused.body().contains(inputs.toString()), "the allowed folder is not revealed: " + refused.body());
        assertError(gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\",\"input_path\":\""
                + inputs.resolve("../secret.csv").toString().replace("\\", "\\\\") + "\"}"), 400, "invalid_input");
        assertError(gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\"}"), 400, "invalid_input");
        assertError(gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\",\"input_path\":\"a\\u0000.csv\"}"), 400,
                "invalid_input");
        assertError(gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\",\"input_path\":7}"), 400, "invalid_input");
        assertError(gw.postJson("/v1/batch-jobs", "{\"input_path\":\"x.csv\"}"), 400, "invalid_input");

        HttpResponse<String> accepted = gw.postJson("/v1/batch-jobs",
                "{\"model\":\"churn\",\"input_path\":\"" + inside.toString().replace("\\", "\\\\") + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = json(accepted).get("id").asText();
        awaitJob(id, "SUCCEEDED");
        assertEquals(4, gw.get("/v1/batch-jobs/" + id + "/result").body().lines().count());
    }
}
