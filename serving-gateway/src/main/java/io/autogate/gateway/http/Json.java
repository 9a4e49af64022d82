package io.autogate.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * JSON in and out of the HTTP layer with one shared Jackson mapper: bodies are parsed strictly
 * (no trailing tokens, no NaN literals) and every parse failure becomes a 400
 * or 415 that says what is wrong. Thread-safe.
 */
public final class Json {
    /**
     * The shared mapper. Decimals are read as doubles: the pipeline parses every number to a double
     * anyway, and {@code Double.toString} gives back the shortest text of the same double, so exact
     * decimals would only cost time (they were a fifth of the request CPU in a profile).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    /** Room for a one-row predict answer before the buffer has to grow. */
    private static final int INITIAL_ANSWER_BYTES = 512;

    private Json() {
    }

    /**
     * The request body as JSON: 415 when the content type is set and is not JSON, 400 when the body
     * is empty or not valid JSON (with the line and column of the problem).
     */
    public static JsonNode body(RoutingContext ctx) {
        return tree(bodyBytes(ctx));
    }

    /**
     * The raw request body: 415 when the content type is set and is not JSON, 400 when the body is
     * empty.
     */
    public static byte[] bodyBytes(RoutingContext ctx) {
        return bodyBytes(ctx, "application/json");
    }

    /**
     * The raw request body: 415 when the content type is set and is none of {@code accepted}, 400
     * when the body is empty.
     */
    public static byte[] bodyBytes(RoutingContext ctx, String... accepted) {
        requireContentType(ctx, accepted);
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("the request body is empty; send a JSON object");
        }
        return body.getBytes();
    }

    /** JSON bytes as a tree; 400 when they are not valid JSON (with the line and column of the problem). */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the request body cannot be read: " + e.getMessage());
        }
    }

    /** Fails with 415 unless the request has no content type or one of the expected ones. */
    public static void requireContentType(RoutingContext ctx, String... expected) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            return;
        }
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (String e : expected) {
            if (base.equals(e)) {
                return;
            }
        }
        throw new ApiException(415, "unsupported_media_type", "content type '" + base + "' is not accepted here; send "
                + String.join(" or ", expected));
    }

    /** Sends a JSON answer with the given status. */
    public static void send(RoutingContext ctx, int status, Object body) {
        sendBuffer(ctx, status, buffer(body));
    }

    /**
     * A value written as JSON straight into a response buffer, with no byte array in between
     * (done on a worker for large answers).
     */
    public static Buffer buffer(Object body) {
        Buffer out = Buffer.buffer(INITIAL_ANSWER_BYTES);
        try {
            MAPPER.writeValue(new BufferOutput(out), body);
        } catch (IOException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
        return out;
    }

    /** Sends a JSON buffer with the given status, gzipped when it is large and the client accepts gzip ({@link Gzip}). */
    public static void sendBuffer(RoutingContext ctx, int status, Buffer json) {
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        Gzip.end(ctx.request(), response, json);
    }

    /** Appends what Jackson writes to a Vert.x buffer. */
    private static final class BufferOutput extends OutputStream {
        private final Buffer target;

        BufferOutput(Buffer target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.appendBytes(bytes, offset, length);
        }
    }
}
