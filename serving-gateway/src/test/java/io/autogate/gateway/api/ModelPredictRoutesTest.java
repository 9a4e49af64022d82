package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ModelPredictRoutesTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("churn", TestModels.churn(-2));
        gateway.register("price", TestModels.price(3));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void predictsRowsWithProbabilitiesAndNamesTheVersion() throws Exception {
        HttpResponse<String> r = gw.postJson("/v1/models/churn@1/predict",
                "{\"rows\":[" + TestModels.row(1.5, "red") + "," + TestModels.row(-1.5, "blue") + "]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("churn", body.get("model").asText());
        assertEquals(1, body.get("version").asInt());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), body.get("request_id").asText());
        assertEquals("yes", body.at("/predictions/0/prediction").asText());
        assertEquals("no", body.at("/predictions/1/prediction").asText());
        double pYes = body.at("/predictions/0/probabilities/yes").asDouble();
        assertEquals(1 / (1 + Math.exp(-2 * 2 * 1.5)), pYes, 1e-9);
    }

    @Test
    void latestAndRegressionAndOtherFormats() throws Exception {
        JsonNode latest = json(gw.postJson("/v1/models/churn/predict", "{\"rows\":[" + TestModels.row(1.5, "red") + "]}"));
        assertEquals(2, latest.get("version").asInt());
        assertEquals("no", latest.at("/predictions/0/prediction").asText());

        JsonNode tf = json(gw.postJson("/v1/models/price/predict", "{\"instances\":[" + TestModels.row(2, "red") + "]}"));
        assertEquals(6.5, tf.at("/predictions/0/prediction").asDouble(), 1e-9);
        assertTrue(tf.at("/predictions/0/probabilities").isMissingNode());

        JsonNode split = json(gw.postJson("/v1/models/price/predict",
                "{\"dataframe_split\":{\"columns\":[\"x\",\"color\"],\"data\":[[1,\"green\"],[2,\"red\"]]}}"));
        assertEquals(3.0, split.at("/predictions/0/prediction").asDouble(), 1e-9);
        assertEquals(6.5, split.at("/predictions/1/prediction").asDouble(), 1e-9);

        JsonNode records = json(gw.postJson("/v1/models/price/predict",
                "{\"dataframe_records\":[{\"x\":1,\"color\":\"green\"}]}"));
        assertEquals(3.0, records.at("/predictions/0/prediction").asDouble(), 1e-9);
    }

    @Test
    void badInputGetsFieldLevelFourHundreds() throws Exception {
        HttpResponse<String> missing = gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"color\":\"red\"}]}");
        assertEquals(400, missing.statusCode());
        JsonNode error = json(missing).get("error");
        assertEquals("invalid_input", error.get("code").asText());
        assertEquals("x", error.at("/details/0/field").asText());
        assertNotNull(json(missing).get("request_id"));

        HttpResponse<String> wrongType = gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":\"abc\",\"color\":\"red\"}]}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(json(wrongType).at("/error/message").asText().contains("abc"), wrongType.body());

        HttpResponse<String> nan = gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":\"NaN\",\"color\":\"red\"}]}");
        assertEquals(400, nan.statusCode(), nan.body());

        HttpResponse<String> notJson = gw.postJson("/v1/models/churn/predict", "{\"rows\": [");
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).at("/error/message").asText().contains("not valid JSON"), notJson.body());
        assertFalse(notJson.body().contains("Exception"), notJson.body());

        HttpResponse<String> unseen = gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":1,\"color\":\"purple\"}]}");
        assertEquals(200, unseen.statusCode(), unseen.body());
        assertTrue(json(unseen).get("warnings").get(0).asText().contains("purple"), unseen.body());
    }

    @Test
    void unknownModelsVersionsAndRoutesAreNotFound() throws Exception {
        HttpResponse<String> r = gw.postJson("/v1/models/nope/predict", "{\"rows\":[{\"x\":1}]}");
        assertEquals(404, r.statusCode());
        assertEquals("model_not_found", json(r).at("/error/code").asText());
        assertFalse(r.body().contains(dir.toString()), "no server paths in answers: " + r.body());
        assertEquals(404, gw.postJson("/v1/models/churn@9/predict", "{\"rows\":[{\"x\":1}]}").statusCode());
        assertEquals(404, gw.postJson("/v1/models/churn:prod/predict", "{\"rows\":[{\"x\":1}]}").statusCode());
        assertEquals(400, gw.postJson("/v1/models/churn@x/predict", "{\"rows\":[{\"x\":1}]}").statusCode());
        HttpResponse<String> route = gw.get("/v1/nothing");
        assertEquals(404, route.statusCode());
        assertEquals("route_not_found", json(route).at("/error/code").asText());
    }

    @Test
    void listsAndDescribesModels() throws Exception {
        JsonNode list = json(gw.get("/v1/models"));
        assertEquals("churn", list.at("/models/0/name").asText());
        assertEquals(2, list.at("/models/0/latest").asInt());
        JsonNode detail = json(gw.get("/v1/models/churn"));
        assertEquals(2, detail.get("versions").size());
        assertEquals("x", detail.at("/schema/columns/0/name").asText());
        assertEquals(404, gw.get("/v1/models/nope").statusCode());
        assertEquals(200, gw.get("/health/live").statusCode());
        assertEquals(200, gw.get("/health/ready").statusCode());
    }

    @Test
    void tfServingPathsServeTheLatestAGivenVersionOrALabel() throws Exception {
        gw.registry().setAlias("churn", "production", 1);
        String body = "{\"instances\":[" + TestModels.row(1.5, "red") + "]}";
        JsonNode latest = json(gw.postJson("/v1/models/churn:predict", body));
        assertEquals(2, latest.get("version").asInt());
        assertEquals("no", latest.at("/predictions/0/prediction").asText());
        assertEquals(1, json(gw.postJson("/v1/models/churn/versions/1:predict", body)).get("version").asInt());
        JsonNode labelled = json(gw.postJson("/v1/models/churn/labels/production:predict", body));
        assertEquals(1, labelled.get("version").asInt());
        assertEquals("yes", labelled.at("/predictions/0/prediction").asText());

        ApiTestSupport.assertError(gw.postJson("/v1/models/churn/versions/0:predict", body), 400, "invalid_input");
        ApiTestSupport.assertError(gw.postJson("/v1/models/nope:predict", body), 404, "model_not_found");
        ApiTestSupport.assertError(gw.postJson("/v1/models/churn/labels/staging:predict", body), 404, null);
        ApiTestSupport.assertError(gw.postJson("/v1/models/churn:predict", "{\"instances\":[{\"x\":\"abc\"}]}"), 400,
                null);
        assertTrue(gw.get("/metrics").body().lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("route=\"/v1/models/{name}:predict\"") && l.contains("status=\"200\"")),
                "the TF-Serving route keeps its template in the metrics");
    }
}
