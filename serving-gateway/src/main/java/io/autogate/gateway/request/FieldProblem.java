package io.autogate.gateway.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding about one field of one request row: a problem that stops the row from being scored,
 * or a warning. {@code text} says what is wrong without naming the row, e.g.
 * {@code must be a number, got 'abc'}.
 */
public record FieldProblem(int row, String field, String text) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
    }

    /** The detail map of an error body: {@code {"row": 0, "field": "age", "problem": "..."}}. */
    public Map<String, Object> toDetail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("row", row);
        detail.put("field", field);
        detail.put("problem", text);
        return detail;
    }

    /**
     * One line for people, e.g. {@code row 0 field 'age': must be a number, got 'abc'}, or
     * {@code row 0: missing field 'age'} when the text names the field itself.
     */
    public String describe() {
        return "row " + row + (namesField() ? ": " : " ") + describeField();
    }

    /**
     * The same line without the row, for answers that are already per row, e.g.
     * {@code field 'age': must be a number, got 'abc'} or {@code missing field 'age'}.
     */
    public String describeField() {
        return namesField() ? text : "field '" + field + "': " + text;
    }

    private boolean namesField() {
        return text.contains("'" + field + "'");
    }
}
