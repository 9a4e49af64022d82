package io.autogate.gateway.endpoints;

import static io.autogate.gateway.endpoints.EndpointTestSupport.getJson;
import static io.autogate.gateway.endpoints.EndpointTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Drift over real HTTP: live inputs against the training profile, in the drift route and in /metrics. */
@ExtendWith(VertxExtension.class)
class DriftEndpointTest {
    private static final String[] TRAINING_COLORS = {"red", "red", "red", "red", "red", "green", "green", "green", "blue", "blue"};
    private static final int ROWS_PER_REQUEST = 3;

    @TempDir
    Path dir;
    GatewayHarness gw;

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir, b -> b.driftWindow(300));
        gw.register("churn", TestModels.churn(2));
        gw.start();
        putPolicy(gw, "watched", "{\"type\":\"single\",\"model\":\"churn@1\"}");
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    /** Sends {@code rows} rows, {@value #ROWS_PER_REQUEST} per request; row i gets x from the generator and color(i). */
    private void send(int rows, Random random, double meanX, IntFunction<String> color) {
        for (int i = 0; i < rows; i += ROWS_PER_REQUEST) {
            StringBuilder body = new StringBuilder("{\"rows\":[");
            for (int j = 0; j < ROWS_PER_REQUEST; j++) {
                body.append(j == 0 ? "" : ",").append(TestModels.row(meanX + random.nextGaussian(), color.apply(i + j)));
            }
            HttpResponse<String> r = gw.postJson("/v1/endpoints/watched/predict", body.append("]}").toString());
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    private static JsonNode feature(JsonNode model, String name) {
        for (JsonNode f : model.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name + " in " + model);
    }

    private static double psiMetric(String metrics, String feature) {
        Matcher m = Pattern.compile("(?m)^autogate_drift_psi\\{([^}]*)} ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("feature=\"" + feature + "\"") && m.group(1).contains("endpoint=\"watched\"")
                    && m.group(1).contains("model=\"churn@1\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no autogate_drift_psi for " + feature + " in /metrics");
    }

    @Test
    void inputsLikeTrainingAreOkAndShiftedInputsAreMajorDrift() {
        Random random = new Random(7);
        send(300, random, 0.0, i -> TRAINING_COLORS[i % TRAINING_COLORS.length]);
        JsonNode calm = getJson(gw, "/v1/endpoints/watched/drift").at("/models/0");
        assertEquals("churn@1", calm.get("model").asText(), calm.toString());
        assertEquals(300, calm.get("observed").asLong());
        assertEquals("ok", calm.get("status").asText(), calm.toString());
        assertTrue(feature(calm, "x").get("psi").asDouble() < 0.1, calm.toString());
        assertTrue(feature(calm, "color").get("psi").asDouble() < 0.1, calm.toString());
        assertEquals(0.0, feature(calm, "color").get("unseen_rate").asDouble(), 1e-12);
        assertEquals("quantiles", feature(calm, "x").get("reference").asText(), "the test model's profile has no histogram");
        assertEquals("histogram", feature(calm, "color").get("reference").asText());
        assertEquals(0, calm.get("drifting").size());

        send(300, random, 3.0, i -> "purple");
        JsonNode shifted = getJson(gw, "/v1/endpoints/watched/drift").at("/models/0");
        assertEquals(600, shifted.get("observed").asLong());
        JsonNode x = feature(shifted, "x");
        assertTrue(x.get("psi").asDouble() > 0.25, shifted.toString());
        assertEquals("major", x.get("status").asText());
        JsonNode color = feature(shifted, "color");
        assertEquals("major", color.get("status").asText(), shifted.toString());
        assertEquals(1.0, color.get("unseen_rate").asDouble(), 1e-12, shifted.toString());
        assertEquals("major", shifted.get("status").asText());
        assertTrue(shifted.get("drifting").toString().contains("x"), shifted.toString());

        String metrics = gw.get("/metrics").body();
        assertEquals(x.get("psi").asDouble(), psiMetric(metrics, "x"), 1e-9);
        assertTrue(psiMetric(metrics, "color") > 0.25);
    }

    @Test
    void tooFewRowsIsInsufficientData() {
        send(30, new Random(3), 0.0, i -> "red");
        JsonNode model = getJson(gw, "/v1/endpoints/watched/drift").at("/models/0");
        assertEquals("insufficient_data", model.get("status").asText(), model.toString());
        assertTrue(feature(model, "x").get("psi").isNull(), model.toString());
        assertEquals(404, gw.get("/v1/endpoints/missing/drift").statusCode());
    }
}
