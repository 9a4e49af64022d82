package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small requests to a loaded, fast model are scored on the event loop; the first call, large
 * bodies, failing models and a zero budget go to the inference pool. Both ways answer the same.
 */
@ExtendWith(VertxExtension.class)
class InlineScoringTest {
    @TempDir
    Path dir;

    private static GatewayHarness start(Vertx vertx, Path dir, Duration budget) {
        GatewayHarness gw = GatewayHarness.create(vertx, dir, b -> b.inlineScoring(budget));
        gw.register("churn", TestModels.churn(2));
        gw.register("broken", TestModels.failing());
        return gw.start();
    }

    private static double inlineCount(GatewayHarness gw) {
        return gw.get("/metrics").body().lines().filter(l -> l.startsWith("autogate_inline_predictions_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no autogate_inline_predictions_total series"));
    }

    private static String body(int rows) {
        StringJoiner out = new StringJoiner(",", "{\"rows\":[", "]}");
        for (int i = 0; i < rows; i++) {
            out.add(TestModels.row(i % 3 - 1, "red"));
        }
        return out.toString();
    }

    @Test
    void aLoadedFastModelIsScoredOnTheEventLoopAndAnswersAsThePoolDoes(Vertx vertx) {
        try (GatewayHarness gw = start(vertx, dir, Duration.ofSeconds(1))) {
            HttpResponse<String> first = gw.postJson("/v1/models/churn/predict", body(2));
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(0.0, inlineCount(gw), "the first call loads the model and measures it on the pool");
            HttpResponse<String> second = gw.postJson("/v1/models/churn/predict", body(2));
            assertEquals(200, second.statusCode(), second.body());
            assertEquals(1.0, inlineCount(gw));
            assertEquals(first.body().replaceAll("\"request_id\":\"[^\"]+\"", ""),
                    second.body().replaceAll("\"request_id\":\"[^\"]+\"", ""));

            HttpResponse<String> bad = gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":\"abc\",\"color\":\"red\"}]}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("\"field\":\"x\""), bad.body());
            assertEquals(2.0, inlineCount(gw), "a bad row is refused on the event loop too");

            HttpResponse<String> large = gw.postJson("/v1/models/churn/predict", body(800));
            assertEquals(200, large.statusCode());
            assertTrue(large.body().length() > ModelRoutes.INLINE_BODY_BYTES);
            assertEquals(2.0, inlineCount(gw), "a large body goes to the pool");

            for (int i = 0; i < 3; i++) {
                assertEquals(500, gw.postJson("/v1/models/broken/predict", body(1)).statusCode());
            }
            assertEquals(2.0, inlineCount(gw), "a model whose calls fail is never measured as fast");
        }
    }

    @Test
    void aZeroBudgetAlwaysUsesThePool(Vertx vertx) {
        try (GatewayHarness gw = start(vertx, dir, Duration.ZERO)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, gw.postJson("/v1/models/churn/predict", body(1)).statusCode());
            }
            assertEquals(0.0, inlineCount(gw));
        }
    }
}
