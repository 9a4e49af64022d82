package io.autogate.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The training routes over real HTTP with the engine plugged in: upload, train, progress, result, errors. */
class TrainingRoutesTest extends TrainingRoutesFixture {
    @Override
    long datasetLimitBytes() {
        return 64 * 1024;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void uploadTrainAndFollowAJobToARegisteredModel() throws Exception {
        HttpResponse<String> up = send("POST", "/v1/datasets?name=iris.csv", "text/csv", Files.readString(IRIS));
        assertEquals(201, up.statusCode(), up.body());
        JsonNode ds = json(up);
        assertEquals(150, ds.get("rows").asInt());
        assertEquals("species", ds.get("suggested_target").asText());
        assertEquals("multiclass", ds.get("task").asText());
        assertEquals("predict a category", ds.get("task_words").asText());
        assertEquals("numeric", ds.at("/columns/0/type").asText());
        assertEquals("5.1", ds.at("/preview/0/sepal_length").asText());

        HttpResponse<String> started = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + ds.get("id").asText() + "\",\"target\":\"species\",\"budget_seconds\":6,\"name\":\"iris\"}");
        assertEquals(202, started.statusCode(), started.body());
        String id = json(started).get("id").asText();
        JsonNode job = gateway.awaitStatus(id, FINISHED);
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        assertTrue(job.get("trials_done").asInt() > 0, job.toString());
        assertFalse(job.get("leaderboard").isEmpty(), job.toString());
        assertFalse(job.get("best_over_time").isEmpty(), job.toString());
        assertEquals("iris@1", job.at("/result/ref").asText());
        assertTrue(job.at("/result/metrics/accuracy").asDouble() > 0.8, job.toString());
        // trained over HTTP as on the command line: the shifted-split checks ran and are summarised
        assertTrue(job.at("/result/robustness_summary").isTextual(), job.toString());
        HttpResponse<String> model = send("GET", "/v1/models/iris", null, null);
        assertEquals(200, model.statusCode(), model.body());
        assertEquals("balanced", json(model).at("/robustness/policy").asText(), model.body());
        assertEquals(id, json(send("GET", "/v1/training-jobs", null, null)).at("/jobs/0/id").asText());
    }

    @Test
    void badUploadsAreNamed() throws Exception {
        JsonNode notCsv = json(send("POST", "/v1/datasets", "text/csv", "just one line of words"));
        assertEquals(400, notCsv.at("/error/status").asInt(), notCsv.toString());
        assertTrue(notCsv.at("/error/message").asText().contains("CSV"), notCsv.toString());
        JsonNode few = json(send("POST", "/v1/datasets", "text/csv", "x,y\n1,2\n3,4\n"));
        assertTrue(few.at("/error/message").asText().startsWith("too few rows"), few.toString());
        HttpResponse<String> big = send("POST", "/v1/datasets", "text/csv", "x,y\n" + "1,2\n".repeat(20_000));
        assertEquals(413, big.statusCode(), big.body());
        assertEquals("application/json", big.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void badJobRequestsNameTheirFields() throws Exception {
        String id = json(send("POST", "/v1/datasets?name=iris.csv", "text/csv", Files.readString(IRIS))).get("id").asText();
        JsonNode bad = json(send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"budget_seconds\":1}"));
        assertEquals(400, bad.at("/error/status").asInt(), bad.toString());
        assertEquals("target", bad.at("/error/details/0/field").asText(), bad.toString());
        assertEquals("budget_seconds", bad.at("/error/details/1/field").asText(), bad.toString());
        JsonNode noColumn = json(send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"colour\",\"column_types\":{\"petal_width\":\"shape\"}}"));
        assertEquals("target", noColumn.at("/error/details/0/field").asText(), noColumn.toString());
        assertEquals("column_types.petal_width", noColumn.at("/error/details/1/field").asText(), noColumn.toString());
        JsonNode missing = json(send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"0123456789abcdef\",\"target\":\"species\"}"));
        assertEquals(404, missing.at("/error/status").asInt(), missing.toString());
        assertEquals(404, json(send("GET", "/v1/training-jobs/nope", null, null)).at("/error/status").asInt());
    }

    @Test
    void aCancelledJobRegistersNothing() throws Exception {
        String id = json(send("POST", "/v1/datasets?name=iris.csv", "text/csv", Files.readString(IRIS))).get("id").asText();
        String job = json(send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"species\",\"budget_seconds\":60}")).get("id").asText();
        HttpResponse<String> cancel = send("POST", "/v1/training-jobs/" + job + "/cancel", null, null);
        assertEquals(202, cancel.statusCode(), cancel.body());
        JsonNode view = gateway.awaitStatus(job, FINISHED);
        assertEquals("cancelled", view.get("status").asText(), view.toString());
        assertEquals(404, send("GET", "/v1/models/iris", null, null).statusCode());
    }

}
