package io.autogate.gateway.http;

import java.util.List;
import java.util.Map;

/**
 * A request that cannot be answered normally, with the HTTP status, a stable machine-readable
 * {@code code} (e.g. {@code invalid_input}, {@code model_not_found}) and a message for people.
 * {@code details} carries field-level problems, each a small map such as
 * {@code {"row": 0, "field": "age", "problem": "must be a number, got 'abc'"}}. The gateway's
 * failure handler turns it into a JSON error body; it never carries a stack trace to the caller.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Map<String, Object>> details;

    /** An error with field-level details. */
    public ApiException(int status, String code, String message, List<Map<String, Object>> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** An error without details. */
    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    /** 400 with code {@code invalid_input}. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_input", message);
    }

    /** 400 with code {@code invalid_input} and field-level details. */
    public static ApiException badRequest(String message, List<Map<String, Object>> details) {
        return new ApiException(400, "invalid_input", message, details);
    }

    /** 404 with the given code, e.g. {@code model_not_found}. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The machine-readable error code. */
    public String code() {
        return code;
    }

    /** Field-level problems, possibly empty. */
    public List<Map<String, Object>> details() {
        return details;
    }
}
