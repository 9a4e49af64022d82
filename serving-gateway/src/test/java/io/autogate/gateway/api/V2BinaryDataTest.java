package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.assertError;
import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The binary tensor data extension over HTTP, laid out as tritonclient sends it by default: the
 * JSON request, then the inputs' bytes, with {@code Inference-Header-Content-Length}; answers in
 * binary when asked, and the same predictions as the JSON form.
 */
class V2BinaryDataTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_ROWS = "{\"inputs\":["
            + "{\"name\":\"x\",\"shape\":[2],\"datatype\":\"FP64\",\"data\":[1.5,-1.5]},"
            + "{\"name\":\"color\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"data\":[[\"red\"],[\"blue\"]]}]}";

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
    }

    /** x = [1.5, -1.5] as FP64 and color = ["red", "blue"] as BYTES, 16 + 15 bytes. */
    private static byte[] inputBytes() {
        ByteBuffer b = ByteBuffer.allocate(31).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-1.5);
        b.putInt(3).put("red".getBytes(StandardCharsets.US_ASCII)).putInt(4).put("blue".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static String header(String extra) {
        return "{\"id\":\"b-1\",\"inputs\":["
                + "{\"name\":\"x\",\"shape\":[2],\"datatype\":\"FP64\",\"parameters\":{\"binary_data_size\":16}},"
                + "{\"name\":\"color\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"parameters\":{\"binary_data_size\":15}}]"
                + extra + "}";
    }

    private HttpRequest request(String json, byte[] binary, String headerLength) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(binary);
        return gw.request("/v2/models/churn/infer").header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", headerLength == null ? Integer.toString(head.length) : headerLength)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private HttpResponse<byte[]> infer(String json, byte[] binary) {
        return gw.sendBytes(request(json, binary, null));
    }

    private String refusal(String json, byte[] binary, String headerLength) {
        return assertError(gw.send(request(json, binary, headerLength)), 400, "invalid_input").at("/error/message").asText();
    }

    @Test
    void binaryInputsScoreAsTheirJsonFormAndTheAnswerIsJsonUnlessAsked() throws Exception {
        JsonNode expected = json(gw.postJson("/v2/models/churn/infer", JSON_ROWS));
        HttpResponse<byte[]> r = infer(header(""), inputBytes());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertFalse(r.headers().firstValue("Inference-Header-Content-Length").isPresent());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals("b-1", answer.get("id").asText());
        assertEquals(expected.get("outputs"), answer.get("outputs"));
        assertEquals("[\"yes\",\"no\"]", answer.at("/outputs/0/data").toString());
    }

    @Test
    void binaryDataOutputAnswersEveryOutputInBinaryAfterTheJson() throws Exception {
        JsonNode expected = json(gw.postJson("/v2/models/churn/infer", JSON_ROWS));
        HttpResponse<byte[]> r = infer(header(",\"parameters\":{\"binary_data_output\":true}"), inputBytes());
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
        int jsonLength = Integer.parseInt(r.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode head = JSON.readTree(Arrays.copyOf(r.body(), jsonLength));
        ByteBuffer tail = ByteBuffer.wrap(r.body(), jsonLength, r.body().length - jsonLength).order(ByteOrder.LITTLE_ENDIAN);

        assertEquals("label", head.at("/outputs/0/name").asText());
        assertFalse(head.at("/outputs/0").has("data"));
        int labelBytes = head.at("/outputs/0/parameters/binary_data_size").asInt();
        assertEquals(4 + 3 + 4 + 2, labelBytes, "yes and no, each after its 4-byte length");
        for (JsonNode label : expected.at("/outputs/0/data")) {
            byte[] text = new byte[tail.getInt()];
            tail.get(text);
            assertEquals(label.asText(), new String(text, StandardCharsets.UTF_8));
        }
        assertEquals(32, head.at("/outputs/1/parameters/binary_data_size").asInt(), "2 rows x 2 classes of FP64");
        assertEquals("[\"no\",\"yes\"]", head.at("/outputs/1/parameters/classes").toString());
        for (JsonNode p : expected.at("/outputs/1/data")) {
            assertEquals(p.asDouble(), tail.getDouble(), 0.0);
        }
        assertFalse(tail.hasRemaining());
    }

    @Test
    void requestedOutputsAreTheOnlyOnesAndEachChoosesItsForm() throws Exception {
        HttpResponse<byte[]> r = infer(header(",\"outputs\":[{\"name\":\"probabilities\",\"parameters\":{\"binary_data\":true}}]"),
                inputBytes());
        int jsonLength = Integer.parseInt(r.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode head = JSON.readTree(Arrays.copyOf(r.body(), jsonLength));
        assertEquals(1, head.get("outputs").size());
        assertEquals(32, r.body().length - jsonLength);

        JsonNode json = JSON.readTree(gw.postJson("/v2/models/churn/infer", JSON_ROWS.substring(0, JSON_ROWS.length() - 1)
                + ",\"parameters\":{\"binary_data_output\":true},\"outputs\":[{\"name\":\"label\","
                + "\"parameters\":{\"binary_data\":false}}]}").body());
        assertEquals(1, json.get("outputs").size());
        assertEquals("[\"yes\",\"no\"]", json.at("/outputs/0/data").toString(), "the output's own flag wins");
    }

    @Test
    void badBinaryRequestsAreClear400s() {
        assertTrue(refusal(header(""), Arrays.copyOf(inputBytes(), 30), null)
                .contains("input 'color' has a binary_data_size of 15 bytes but only 14"));
        assertTrue(refusal(header(""), Arrays.copyOf(inputBytes(), 35), null)
                .startsWith("4 bytes of binary data after the JSON part are not claimed"));
        assertTrue(refusal(header(""), inputBytes(), "100000").startsWith("Inference-Header-Content-Length is 100000 but the body has"));
        assertTrue(refusal(header(""), inputBytes(), "ten").contains("got 'ten'"));
        assertTrue(assertError(gw.postJson("/v2/models/churn/infer", header("")), 400, "invalid_input")
                .at("/error/message").asText().contains("has a binary_data_size but the request has no Inference-Header"));
        assertEquals("unknown output 'score'; this model answers with label, probabilities",
                refusal(header(",\"outputs\":[{\"name\":\"score\"}]"), inputBytes(), null));
        assertEquals("output 'label' is requested twice",
                refusal(header(",\"outputs\":[{\"name\":\"label\"},{\"name\":\"label\"}]"), inputBytes(), null));
        assertTrue(refusal(header(",\"parameters\":{\"binary_data_output\":\"yes\"}"), inputBytes(), null)
                .startsWith("parameters.binary_data_output must be true or false"));
    }

    @Test
    void theServerAnnouncesTheExtension() {
        assertTrue(json(gw.get("/v2")).get("extensions").toString().contains("\"binary_tensor_data\""));
    }
}
