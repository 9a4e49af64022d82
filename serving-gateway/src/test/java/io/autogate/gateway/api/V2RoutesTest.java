package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The Open Inference Protocol v2 routes over HTTP. */
class V2RoutesTest extends GatewayTestBase {
    private static final String TWO_ROWS = "{\"id\":\"req-7\",\"inputs\":["
            + "{\"name\":\"x\",\"shape\":[2],\"datatype\":\"FP64\",\"data\":[1.5,-1.5]},"
            + "{\"name\":\"color\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"data\":[[\"red\"],[\"blue\"]]}]}";

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("churn", TestModels.churn(-2));
        gateway.register("price", TestModels.price(3));
    }

    @Test
    void serverMetadataAndHealth() {
        JsonNode server = json(gw.get("/v2"));
        assertEquals("autogate", server.get("name").asText());
        assertTrue(server.get("extensions").isArray());
        assertTrue(json(gw.get("/v2/health/live")).get("live").asBoolean());
        assertTrue(json(gw.get("/v2/health/ready")).get("ready").asBoolean());
    }

    @Test
    void modelMetadataListsOneInputPerFeatureColumn() {
        JsonNode meta = json(gw.get("/v2/models/churn"));
        assertEquals("churn", meta.get("name").asText());
        assertEquals("[\"1\",\"2\"]", meta.get("versions").toString());
        assertEquals("autogate", meta.get("platform").asText());
        assertEquals("x", meta.at("/inputs/0/name").asText());
        assertEquals("FP64", meta.at("/inputs/0/datatype").asText());
        assertEquals("color", meta.at("/inputs/1/name").asText());
        assertEquals("BYTES", meta.at("/inputs/1/datatype").asText());
        assertEquals("[-1]", meta.at("/inputs/1/shape").toString());
        assertEquals("label", meta.at("/outputs/0/name").asText());
        assertEquals("[-1,2]", meta.at("/outputs/1/shape").toString());
        assertEquals("prediction", json(gw.get("/v2/models/price/versions/1")).at("/outputs/0/name").asText());

        JsonNode ready = json(gw.get("/v2/models/churn/ready"));
        assertEquals("churn", ready.get("name").asText());
        assertTrue(ready.get("ready").asBoolean());
        assertEquals("2", ready.get("version").asText());
        assertEquals("1", json(gw.get("/v2/models/churn/versions/1/ready")).get("version").asText());
        assertError(gw.get("/v2/models/churn/versions/3/ready"), 404, "model_not_found");
        assertError(gw.get("/v2/models/churn/versions/0"), 400, "invalid_input");
        assertError(gw.get("/v2/models/churn/versions/one/ready"), 400, "invalid_input");
    }

    @Test
    void infersWithOneTensorPerColumn() {
        HttpResponse<String> r = gw.postJson("/v2/models/churn/versions/1/infer", TWO_ROWS);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("churn", body.get("model_name").asText());
        assertEquals("1", body.get("model_version").asText());
        assertEquals("req-7", body.get("id").asText());
        assertEquals("[\"yes\",\"no\"]", body.at("/outputs/0/data").toString());
        assertEquals("[2,2]", body.at("/outputs/1/shape").toString());
        assertEquals("[\"no\",\"yes\"]", body.at("/outputs/1/parameters/classes").toString());
        double pYes = 1 / (1 + Math.exp(-2 * 2 * 1.5));
        assertEquals(pYes, body.at("/outputs/1/data/1").asDouble(), 1e-9);
        assertEquals(1 - pYes, body.at("/outputs/1/data/0").asDouble(), 1e-9);

        JsonNode latest = json(gw.postJson("/v2/models/churn/infer", TWO_ROWS));
        assertEquals("2", latest.get("model_version").asText());
        assertEquals("[\"no\",\"yes\"]", latest.at("/outputs/0/data").toString());
    }

    @Test
    void infersWithOneMatrixOfAllFeatures() {
        HttpResponse<String> r = gw.postJson("/v2/models/price/infer", "{\"inputs\":[{\"name\":\"features\","
                + "\"shape\":[2,2],\"datatype\":\"BYTES\",\"data\":[\"2\",\"red\",\"1\",\"green\"]}]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = json(r).at("/outputs/0");
        assertEquals("prediction", out.get("name").asText());
        assertEquals(6.5, out.at("/data/0").asDouble(), 1e-9);
        assertEquals(3.0, out.at("/data/1").asDouble(), 1e-9);

        HttpResponse<String> mixed = gw.postJson("/v2/models/price/infer", "{\"inputs\":[{\"name\":\"features\","
                + "\"shape\":[1,2],\"datatype\":\"FP64\",\"data\":[[2,\"red\"]]}]}");
        assertError(mixed, 400, "invalid_input");
    }

    @Test
    void badTensorsAre400() {
        String[] bad = {
            "{}",
            "{\"inputs\":[]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[2],\"datatype\":\"FP64\",\"data\":[1]},"
                + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]}]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[\"abc\"]},"
                + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP99\",\"data\":[1]},"
                + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[-1],\"datatype\":\"FP64\",\"data\":[1]},"
                + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}",
            "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]},"
                + "{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]}]}",
            "{\"inputs\":[{\"name\":\"m\",\"shape\":[1,3],\"datatype\":\"FP64\",\"data\":[1,2,3]}]}",
            "{\"id\":5,\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]}]}",
        };
        for (String body : bad) {
            assertError(gw.postJson("/v2/models/churn/infer", body), 400, "invalid_input");
        }
        assertError(gw.postJson("/v2/models/nope/infer", TWO_ROWS), 404, "model_not_found");
    }
}
