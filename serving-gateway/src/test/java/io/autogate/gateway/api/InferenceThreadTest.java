package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.testing.BehaviourTestModel;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference runs on the named worker pool, never on an event loop: every online route (our own,
 * TF-Serving's, the v2 protocol's, an endpoint's) and a streamed batch, each called several times
 * so that a warm, fast model is covered as well as the first call that loads it.
 */
@ExtendWith(VertxExtension.class)
class InferenceThreadTest {
    @TempDir
    Path dir;

    @Test
    void everyScoringCallRunsOnTheInferencePool(Vertx vertx) {
        BehaviourTestModel.THREADS.clear();
        try (GatewayHarness gw = GatewayHarness.create(vertx, dir)) {
            gw.register("rec", TestModels.threadRecording());
            gw.start();
            assertEquals(200, gw.putAdmin("/v1/endpoints/e", "{\"type\":\"single\",\"model\":\"rec@1\"}").statusCode());
            String row = TestModels.row(1, "red");
            for (int i = 0; i < 5; i++) {
                assertOk(gw.postJson("/v1/models/rec/predict", "{\"rows\":[" + row + "]}"));
                assertOk(gw.postJson("/v1/models/rec:predict", "{\"instances\":[" + row + "]}"));
                assertOk(gw.postJson("/v2/models/rec/infer", "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],"
                        + "\"datatype\":\"FP64\",\"data\":[1]},{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\","
                        + "\"data\":[\"red\"]}]}"));
                assertOk(gw.postJson("/v1/endpoints/e/predict", "{\"rows\":[" + row + "]}"));
                assertOk(gw.send(gw.request("/v1/models/rec/batch").header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n")).build()));
            }
        }
        assertFalse(BehaviourTestModel.THREADS.isEmpty(), "the model was never called");
        for (String thread : BehaviourTestModel.THREADS) {
            assertTrue(thread.startsWith(InferencePool.NAME), "scored on thread " + thread);
        }
    }

    private static void assertOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }
}
