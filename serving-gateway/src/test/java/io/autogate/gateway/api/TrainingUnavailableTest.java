package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A gateway started without a training service answers every training route with 501 and says why. */
class TrainingUnavailableTest extends GatewayTestBase {
    @Override
    protected void registerModels(GatewayHarness gateway) {
    }

    private HttpResponse<String> adminPost(String path, String type, String body) {
        return gw.send(gw.request(path).header("Content-Type", type).header("Authorization", "Bearer " + GatewayHarness.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void trainingRoutesSayTrainingIsNotAvailable() {
        var upload = assertError(adminPost("/v1/datasets?name=a.csv", "text/csv", "x,y\n1,2\n"), 501, "training_unavailable");
        assertTrue(upload.at("/error/message").asText().contains("training is not available in this server"), upload.toString());
        assertError(adminPost("/v1/training-jobs", "application/json", "{\"dataset\":\"d\",\"target\":\"y\"}"), 501,
                "training_unavailable");
        assertError(gw.get("/v1/training-jobs"), 501, "training_unavailable");
        assertError(gw.get("/v1/training-jobs/abc"), 501, "training_unavailable");
        assertError(gw.deleteAdmin("/v1/training-jobs/abc"), 501, "training_unavailable");
        assertError(adminPost("/v1/training-jobs/abc/cancel", "application/json", "{}"), 501, "training_unavailable");
    }

    @Test
    void trainingRoutesStillNeedTheAdminKey() {
        HttpResponse<String> r = gw.send(gw.request("/v1/datasets").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x,y\n1,2\n")).build());
        assertError(r, 401, "unauthorized");
    }
}
