package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Small assertions shared by the HTTP route tests. */
final class ApiTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiTestSupport() {
    }

    /** The body as JSON. */
    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + r.statusCode() + "): " + r.body(), e);
        }
    }

    /**
     * Asserts an error answer: the status, the JSON error shape with the code, the request id
     * header matching the body, and no stack trace or exception name in the body.
     */
    static JsonNode assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode body = json(r);
        assertEquals(status, body.at("/error/status").asInt(), r.body());
        if (code != null) {
            assertEquals(code, body.at("/error/code").asText(), r.body());
        }
        assertFalse(body.at("/error/message").asText().isBlank(), r.body());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), body.get("request_id").asText());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
        assertFalse(r.body().contains(".java:"), r.body());
        return body;
    }
}
