package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies what a v2 request asks of its answer: only the {@code outputs} it names (all of them
 * when it names none), each as JSON data or, in the binary tensor data extension, as bytes after
 * the JSON ({@code "parameters": {"binary_data": true}} on a requested output, or
 * {@code "binary_data_output": true} in the request's parameters for every output the output
 * itself does not decide). Stateless.
 */
public final class V2Outputs {
    private V2Outputs() {
    }

    /**
     * An encoded answer: the JSON object, followed by the outputs' binary data when any output is
     * binary.
     *
     * @param body       the whole body
     * @param jsonLength the length of the JSON object at its start; equal to the body's length
     *                   when no output is binary
     */
    public record Answer(Buffer body, int jsonLength) {
        /** Whether the body carries binary output data after its JSON. */
        public boolean hasBinary() {
            return jsonLength < body.length();
        }
    }

    /**
     * Encodes a full answer ({@link InferenceV2Response#of}) as the request asks.
     *
     * @param answer  the answer with every output's data in JSON; changed
     * @param request the request's JSON object
     * @throws ApiException 400 when the request names an unknown output, names one twice, or its
     *                      binary flags are not booleans
     */
    public static Answer encode(ObjectNode answer, JsonNode request) {
        boolean allBinary = flag(request.path("parameters"), "binary_data_output", "parameters.binary_data_output");
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        answer.withArray("outputs").forEach(o -> byName.put(o.get("name").asText(), (ObjectNode) o));
        Map<String, Boolean> binaryByChosen = new LinkedHashMap<>();
        JsonNode requested = request.get("outputs");
        if (requested == null || requested.isNull()) {
            byName.keySet().forEach(name -> binaryByChosen.put(name, allBinary));
        } else {
            if (!requested.isArray()) {
                throw ApiException.badRequest("'outputs' must be an array of {\"name\": ...} objects");
            }
            for (JsonNode wanted : requested) {
                String name = wanted.path("name").asText(null);
                if (name == null || !byName.containsKey(name)) {
                    throw ApiException.badRequest("unknown output " + (name == null ? wanted : "'" + name + "'")
                            + "; this model answers with " + String.join(", ", byName.keySet()));
                }
                if (binaryByChosen.containsKey(name)) {
                    throw ApiException.badRequest("output '" + name + "' is requested twice");
                }
                JsonNode own = wanted.path("parameters").get("binary_data");
                binaryByChosen.put(name, own == null ? allBinary : flag(wanted.path("parameters"), "binary_data",
                        "output '" + name + "' parameters.binary_data"));
            }
        }
        ArrayNode outputs = answer.putArray("outputs");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        binaryByChosen.forEach((name, binary) -> {
            ObjectNode output = byName.get(name);
            if (binary) {
                byte[] data = V2BinaryCodec.encode(output.get("datatype").asText(), output.remove("data"));
                output.withObject("parameters").put("binary_data_size", data.length);
                bytes.writeBytes(data);
            }
            outputs.add(output);
        });
        Buffer body = Json.buffer(answer);
        int jsonLength = body.length();
        return new Answer(body.appendBytes(bytes.toByteArray()), jsonLength);
    }

    private static boolean flag(JsonNode parameters, String field, String where) {
        JsonNode value = parameters.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(where + " must be true or false, got " + value);
        }
        return value.booleanValue();
    }
}
