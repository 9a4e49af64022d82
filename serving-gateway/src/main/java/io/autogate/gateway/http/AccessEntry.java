package io.autogate.gateway.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;

/**
 * One request as the access log records it. Built on the event loop from values the request
 * already holds; turned into its JSON line only on the log's writer thread, so a request pays for
 * a small record, not for formatting.
 *
 * @param time when the response was sent
 * @param requestId the request's id
 * @param method the HTTP method
 * @param path the request path as sent (may hold any text; escaped when written)
 * @param route the route template that matched, or {@code unmatched}
 * @param status the response status
 * @param nanos time from the first handler to the response's end
 * @param bytes body bytes sent
 * @param endpoint the endpoint that answered, or {@code null}
 * @param model the model version that answered, or {@code null}
 * @param arm the endpoint arm that answered, or {@code null}
 */
public record AccessEntry(Instant time, String requestId, String method, String path, String route, int status,
                          long nanos, long bytes, String endpoint, String model, String arm) {
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    /**
     * Appends the entry as one JSON object (no newline): {@code time, request_id, method, path,
     * route, status, duration_ms, bytes}, then {@code endpoint, model, arm} when set.
     *
     * @param times the writer thread's timestamp formatter
     */
    void appendJson(StringBuilder out, InstantText times) {
        out.append("{\"time\":\"");
        times.append(time, out);
        out.append('"');
        text(out, "request_id", requestId);
        text(out, "method", method);
        text(out, "path", path);
        text(out, "route", route);
        out.append(",\"status\":").append(status);
        out.append(",\"duration_ms\":").append(Math.round(nanos / 1e4) / 100.0);
        out.append(",\"bytes\":").append(bytes);
        if (endpoint != null) {
            text(out, "endpoint", endpoint);
        }
        if (model != null) {
            text(out, "model", model);
        }
        if (arm != null) {
            text(out, "arm", arm);
        }
        out.append('}');
    }

    // ,"key":"value" (or null)
    private static void text(StringBuilder out, String key, String value) {
        out.append(",\"").append(key).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        appendEscaped(out, value);
        out.append('"');
    }

    // ids, methods, routes and most paths are plain printable ASCII: appended in one copy, while
    // anything else goes through Jackson's escaping
    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                ENCODER.quoteAsString(value, out);
                return;
            }
        }
        out.append(value);
    }
}
