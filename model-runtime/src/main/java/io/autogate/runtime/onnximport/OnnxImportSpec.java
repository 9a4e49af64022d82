package io.autogate.runtime.onnximport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The input schema an importer declares for an ONNX model: the feature columns in the order of
 * the model's input tensor (all numeric), the target's name, the task, the class labels in the
 * order of the model's probability output (classification only) and, optionally, the names of
 * the input and output tensors to use ({@code null} = the model's only input / the output that
 * fits). Validates itself; every message names the field at fault.
 *
 * <p>JSON form ({@link #fromJson}):
 * {@code {"target":"species","task":"multiclass","classes":["setosa","versicolor","virginica"],
 * "columns":["sepal_length","sepal_width","petal_length","petal_width"],"output":"probabilities"}}.
 */
public record OnnxImportSpec(String target, TaskType task, List<String> classes, List<String> columns,
                             String input, String output) {
    private static final Set<String> FIELDS = Set.of("target", "task", "classes", "columns", "input", "output");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public OnnxImportSpec {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("spec field 'target' is missing or blank");
        }
        if (task == null) {
            throw new IllegalArgumentException("spec field 'task' is missing: use binary, multiclass or regression");
        }
        columns = names("columns", columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("spec field 'columns' is empty: list the model's input features in order");
        }
        if (columns.contains(target)) {
            throw new IllegalArgumentException("spec field 'target' ('" + target + "') is also listed in 'columns'");
        }
        classes = names("classes", classes);
        if (task.isClassification()) {
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("spec field 'classes' is required for task " + task.id()
                        + ": list the labels in the order of the model's probability output");
            }
            if (task == TaskType.BINARY && classes.size() != 2) {
                throw new IllegalArgumentException("task binary needs exactly 2 entries in 'classes', got " + classes.size());
            }
            if (task == TaskType.MULTICLASS && classes.size() < 3) {
                throw new IllegalArgumentException("task multiclass needs at least 3 entries in 'classes', got "
                        + classes.size() + " (use task binary for two)");
            }
        } else if (!classes.isEmpty()) {
            throw new IllegalArgumentException("spec field 'classes' must be empty for task regression");
        }
        requireNullOrNamed("input", input);
        requireNullOrNamed("output", output);
    }

    /**
     * Reads a spec from JSON. {@code task} is {@code binary}, {@code multiclass} or
     * {@code regression} in any case; {@code classes}, {@code input} and {@code output} may be
     * left out; unknown fields are refused so a misspelt field is not silently ignored.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static OnnxImportSpec fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("import spec is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("import spec must be a JSON object");
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("spec field '" + field + "' is unknown; fields are "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        return new OnnxImportSpec(text(object, "target"), task(text(object, "task")), list(object, "classes"),
                list(object, "columns"), text(object, "input"), text(object, "output"));
    }

    /** This spec as JSON in the form {@link #fromJson} reads. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("target", target);
        node.put("task", task.id());
        if (!classes.isEmpty()) {
            classes.forEach(node.putArray("classes")::add);
        }
        columns.forEach(node.putArray("columns")::add);
        if (input != null) {
            node.put("input", input);
        }
        if (output != null) {
            node.put("output", output);
        }
        return node.toString();
    }

    private static List<String> names(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("spec field '" + field + "' has a blank entry at position " + (i + 1));
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("spec field '" + field + "' lists '" + v + "' twice");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private static void requireNullOrNamed(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("spec field '" + field + "' is blank; leave it out to use the default");
        }
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("spec field '" + field + "' must be a string, got " + node);
        }
        return node.asText();
    }

    private static List<String> list(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node instanceof ArrayNode array)) {
            throw new IllegalArgumentException("spec field '" + field + "' must be a list of strings, got " + node);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("spec field '" + field + "' must hold strings only, got " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static TaskType task(String text) {
        if (text == null) {
            return null;
        }
        for (TaskType t : TaskType.values()) {
            if (t.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("spec field 'task' must be binary, multiclass or regression, got '" + text + "'");
    }
}
