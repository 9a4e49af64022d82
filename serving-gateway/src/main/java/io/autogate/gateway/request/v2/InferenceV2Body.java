package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The body of a v2 inference request: its JSON object and, in the binary tensor data extension
 * (Triton's {@code binary_tensor_data}, which tritonclient uses by default), the tensor bytes that
 * follow it. Such a request names the JSON part's length in the {@value #HEADER_LENGTH} header;
 * its inputs with {@code "parameters": {"binary_data_size": K}} take their elements from the
 * following bytes, K at a time in input order, little-endian and row-major.
 *
 * @param json   the JSON object (not yet checked as a request)
 * @param binary the bytes after it, little-endian, or {@code null} when the request has no
 *               {@value #HEADER_LENGTH} header; {@link InferenceV2Request#parse} reads it
 *               through (its position moves), so a body is parsed once
 */
public record InferenceV2Body(JsonNode json, ByteBuffer binary) {
    /** The header giving the length in bytes of the JSON part of a body with binary tensor data. */
    public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    /**
     * Splits a request body.
     *
     * @param body         the whole body
     * @param headerLength the value of the {@value #HEADER_LENGTH} header, or {@code null}
     * @throws ApiException 400 when the header is not a length within the body, or the JSON part
     *                      is not valid JSON
     */
    public static InferenceV2Body read(byte[] body, String headerLength) {
        if (headerLength == null) {
            return new InferenceV2Body(Json.tree(body), null);
        }
        int length;
        try {
            length = Integer.parseInt(headerLength.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(HEADER_LENGTH + " must be the length in bytes of the JSON part of the body, got '"
                    + headerLength + "'");
        }
        if (length < 1 || length > body.length) {
            throw ApiException.badRequest(HEADER_LENGTH + " is " + length + " but the body has " + body.length
                    + " bytes; it must be the length of the JSON part at the start of the body");
        }
        ByteBuffer binary = ByteBuffer.wrap(body, length, body.length - length).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new InferenceV2Body(Json.tree(Arrays.copyOf(body, length)), binary);
    }
}
