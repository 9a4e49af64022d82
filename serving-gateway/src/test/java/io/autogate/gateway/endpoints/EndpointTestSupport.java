package io.autogate.gateway.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.testing.GatewayHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Small HTTP helpers shared by the endpoint integration tests. */
final class EndpointTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private EndpointTestSupport() {
    }

    /** The body of an answer as JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("answer is not JSON: " + response.body(), e);
        }
    }

    /** PUTs a policy with the admin key and requires 200. */
    static JsonNode putPolicy(GatewayHarness gw, String endpoint, String policy) {
        HttpResponse<String> r = gw.putAdmin("/v1/endpoints/" + endpoint, policy);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** POSTs one row to an endpoint's predict route. */
    static HttpResponse<String> predict(GatewayHarness gw, String endpoint, String row) {
        return gw.postJson("/v1/endpoints/" + endpoint + "/predict", "{\"rows\":[" + row + "]}");
    }

    /** POSTs one row to an endpoint's predict route with a request header. */
    static HttpResponse<String> predict(GatewayHarness gw, String endpoint, String row, String header, String value) {
        return gw.send(gw.request("/v1/endpoints/" + endpoint + "/predict").header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString("{\"rows\":[" + row + "]}")).build());
    }

    /** GETs a path, requires 200 and returns the JSON. */
    static JsonNode getJson(GatewayHarness gw, String path) {
        HttpResponse<String> r = gw.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** The report entry of one arm. */
    static JsonNode arm(JsonNode report, String name) {
        for (JsonNode arm : report.get("arms")) {
            if (arm.get("name").asText().equals(name)) {
                return arm;
            }
        }
        throw new AssertionError("no arm '" + name + "' in report " + report);
    }
}
