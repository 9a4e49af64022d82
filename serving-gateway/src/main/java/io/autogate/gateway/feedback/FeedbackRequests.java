package io.autogate.gateway.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a feedback request body. Accepted shapes: one item
 * {@code {"request_id": "...", "row": 2, "actual": ...}} ({@code row} optional, default 0), an
 * object {@code {"feedback": [item, ...]}} or a bare array of items. {@code actual} may be a
 * string, number or boolean and is kept as text. Stateless.
 */
public final class FeedbackRequests {
    /** Most items one request may carry. */
    public static final int MAX_ITEMS = 10_000;

    private FeedbackRequests() {
    }

    /**
     * The items of a body.
     *
     * @throws ApiException 400 naming every field that is wrong
     */
    public static List<Feedback> parse(JsonNode body) {
        JsonNode items;
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("feedback body is empty; send {\"request_id\": ..., \"actual\": ...}");
        } else if (body.isArray()) {
            items = body;
        } else if (body.isObject() && body.has("feedback")) {
            items = body.get("feedback");
            if (!items.isArray()) {
                throw ApiException.badRequest("field 'feedback' must be an array of items");
            }
        } else if (body.isObject()) {
            return List.of(item(body, "", new ArrayList<>()));
        } else {
            throw ApiException.badRequest("feedback body must be a JSON object or array");
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest("feedback list is empty");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("feedback list has " + items.size() + " items; at most " + MAX_ITEMS
                    + " are allowed per request");
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        List<Feedback> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(item(items.get(i), "feedback[" + i + "].", problems));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() + " feedback item(s) are invalid; first: "
                    + problems.get(0).get("field") + " " + problems.get(0).get("problem"), problems);
        }
        return out;
    }

    /** One item, or {@code null} after adding its problems (thrown at once when parsing a single item). */
    private static Feedback item(JsonNode n, String prefix, List<Map<String, Object>> problems) {
        int before = problems.size();
        if (!n.isObject()) {
            problem(problems, prefix.isEmpty() ? "item" : prefix.substring(0, prefix.length() - 1),
                    "must be an object with request_id and actual");
            return finish(prefix, problems, before, null);
        }
        JsonNode id = n.get("request_id");
        if (id == null || id.isNull()) {
            problem(problems, prefix + "request_id", "is required");
        } else if (!id.isTextual() || id.asText().isBlank()) {
            problem(problems, prefix + "request_id", "must be a non-empty string");
        }
        JsonNode row = n.get("row");
        if (row != null && !row.isNull() && !(row.canConvertToInt() && row.isIntegralNumber() && row.intValue() >= 0)) {
            problem(problems, prefix + "row", "must be a non-negative integer, got " + row);
        }
        JsonNode actual = n.get("actual");
        if (actual == null || actual.isNull()) {
            problem(problems, prefix + "actual", "is required");
        } else if (!actual.isValueNode()) {
            problem(problems, prefix + "actual", "must be a string, number or boolean");
        } else if (actual.asText().isBlank()) {
            problem(problems, prefix + "actual", "must not be empty");
        }
        Feedback f = problems.size() > before ? null
                : new Feedback(id.asText(), row == null || row.isNull() ? 0 : row.intValue(), actual.asText());
        return finish(prefix, problems, before, f);
    }

    private static Feedback finish(String prefix, List<Map<String, Object>> problems, int before, Feedback f) {
        if (prefix.isEmpty() && problems.size() > before) {
            Map<String, Object> first = problems.get(before);
            throw ApiException.badRequest("feedback field " + first.get("field") + " " + first.get("problem"),
                    problems);
        }
        return f;
    }

    private static void problem(List<Map<String, Object>> problems, String field, String problem) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("problem", problem);
        problems.add(m);
    }
}
