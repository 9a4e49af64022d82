package io.autogate.gateway.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * One NDJSON line per {@link LogEntry}. Lines carry {@code "type"}: {@code prediction} or
 * {@code feedback}. Stateless and thread-safe.
 */
final class LogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREDICTION = "prediction";
    private static final String FEEDBACK = "feedback";

    private LogCodec() {
    }

    /** The entry as one JSON line without the line break. */
    static String encode(LogEntry entry) {
        ObjectNode n = JSON.createObjectNode();
        switch (entry) {
            case LoggedPrediction p -> {
                common(n.put("type", PREDICTION), p.requestId(), p.row(), p.endpoint(), p.arm(), p.model(),
                        p.timeMillis());
                n.put("label", p.label());
                if (p.value() == null || !Double.isFinite(p.value())) {
                    n.putNull("value");
                } else {
                    n.put("value", p.value());
                }
            }
            case FeedbackOutcome f -> {
                common(n.put("type", FEEDBACK), f.requestId(), f.row(), f.endpoint(), f.arm(), f.model(),
                        f.timeMillis());
                n.put("actual", f.actual()).put("classification", f.classification()).put("correct", f.correct())
                        .put("squared_error", f.squaredError()).put("absolute_error", f.absoluteError());
            }
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry a line holds, or {@code null} when the line is not a complete, known record. */
    static LogEntry decode(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (n == null || !n.isObject() || !n.path("row").canConvertToInt() || n.path("row").intValue() < 0
                || !n.path("time").isNumber() || !textual(n, "request_id", "endpoint", "arm", "model")) {
            return null;
        }
        return switch (n.path("type").asText()) {
            case PREDICTION -> new LoggedPrediction(text(n, "request_id"), n.get("row").intValue(),
                    text(n, "endpoint"), text(n, "arm"), text(n, "model"), n.get("time").longValue(),
                    text(n, "label"), n.path("value").isNumber() ? n.get("value").doubleValue() : null);
            case FEEDBACK -> textual(n, "actual") ? new FeedbackOutcome(text(n, "request_id"), n.get("row").intValue(),
                    text(n, "endpoint"), text(n, "arm"), text(n, "model"), n.get("time").longValue(),
                    text(n, "actual"), n.path("classification").asBoolean(), n.path("correct").asBoolean(),
                    n.path("squared_error").asDouble(), n.path("absolute_error").asDouble()) : null;
            default -> null;
        };
    }

    private static boolean textual(JsonNode n, String... fields) {
        for (String f : fields) {
            if (!n.path(f).isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void common(ObjectNode n, String requestId, int row, String endpoint, String arm, String model,
                               long time) {
        n.put("request_id", requestId).put("row", row).put("endpoint", endpoint).put("arm", arm).put("model", model)
                .put("time", time);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
