package io.autogate.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the training-route tests share: a temporary registry with a {@link TrainingGateway} over
 * it, started before each test and stopped after it, and helpers that send a request expecting a
 * status, upload a CSV and follow a training job to its end.
 */
abstract class TrainingRoutesFixture {
    static final ObjectMapper JSON = TrainingGateway.JSON;
    static final Path IRIS = Path.of("../../shared/datasets/classification/iris.csv");
    static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

    @TempDir
    Path registry;
    TrainingGateway gateway;

    /** The largest upload the gateway takes; a test class overrides it to test the limit. */
    long datasetLimitBytes() {
        return 1 << 20;
    }

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new TrainingGateway(registry, datasetLimitBytes());
    }

    @AfterEach
    void stopGateway() throws Exception {
        gateway.close();
    }

    /** The gateway's answer, whatever its status. */
    HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        return gateway.send(method, path, type, body);
    }

    /** The gateway's JSON answer, checked to have the {@code expected} status. */
    JsonNode send(String method, String path, String type, String body, int expected) throws Exception {
        HttpResponse<String> r = gateway.send(method, path, type, body);
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Uploads {@code csv} as a dataset named {@code name}; its id. */
    String upload(String name, String csv) throws Exception {
        return send("POST", "/v1/datasets?name=" + name, "text/csv", csv, 201).get("id").asText();
    }

    /** Starts a job with this request body and returns its view once it finished, checked to have succeeded. */
    JsonNode trainToEnd(String body) throws Exception {
        String id = send("POST", "/v1/training-jobs", "application/json", body, 202).get("id").asText();
        JsonNode job = gateway.awaitStatus(id, FINISHED);
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        return job;
    }
}
