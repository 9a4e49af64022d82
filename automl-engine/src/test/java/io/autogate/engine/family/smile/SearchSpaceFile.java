package io.autogate.engine.family.smile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search-space YAML file read with plain Jackson, enough for the family tests to build full
 * parameter maps (defaults, task filters and {@code when} conditions) the way the engine does.
 */
final class SearchSpaceFile {
    private final JsonNode root;

    private SearchSpaceFile(JsonNode root) {
        this.root = root;
    }

    /** Reads {@code search-spaces/<family>.yaml} from the classpath. */
    static SearchSpaceFile read(String family) {
        String resource = "search-spaces/" + family + ".yaml";
        try (InputStream in = SearchSpaceFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new SearchSpaceFile(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The declared parameters, in file order. */
    Map<String, JsonNode> parameters() {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        root.get("parameters").properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** The portfolio entries, in file order. */
    List<JsonNode> portfolio() {
        List<JsonNode> entries = new ArrayList<>();
        root.path("portfolio").forEach(entries::add);
        return entries;
    }

    /** Every parameter active for {@code task}: the given values where present, defaults elsewhere. */
    Map<String, Object> params(TaskType task, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : parameters().entrySet()) {
            JsonNode dim = e.getValue();
            if (!appliesTo(dim, task) || !conditionsHold(dim, values)) {
                continue;
            }
            Object value = given.containsKey(e.getKey()) ? given.get(e.getKey())
                    : scalar(dim.get(dim.get("type").asText().equals("fixed") ? "value" : "default"));
            if (dim.get("type").asText().equals("int") && value instanceof Number n) {
                value = n.intValue();
            } else if (dim.get("type").asText().equals("float") && value instanceof Number n) {
                value = n.doubleValue();
            }
            values.put(e.getKey(), value);
        }
        return values;
    }

    /** Whether a node with an optional {@code tasks} list applies to {@code task}. */
    static boolean appliesTo(JsonNode node, TaskType task) {
        if (!node.has("tasks")) {
            return true;
        }
        for (JsonNode t : node.get("tasks")) {
            if (t.asText().equals(task.id())) {
                return true;
            }
        }
        return false;
    }

    /** The entry's params as Java values. */
    static Map<String, Object> entryParams(JsonNode entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        entry.path("params").properties().forEach(e -> map.put(e.getKey(), scalar(e.getValue())));
        return map;
    }

    private static boolean conditionsHold(JsonNode dim, Map<String, Object> values) {
        if (!dim.has("when")) {
            return true;
        }
        for (Map.Entry<String, JsonNode> c : dim.get("when").properties()) {
            Object actual = values.get(c.getKey());
            List<Object> allowed = new ArrayList<>();
            if (c.getValue().isArray()) {
                c.getValue().forEach(v -> allowed.add(scalar(v)));
            } else {
                allowed.add(scalar(c.getValue()));
            }
            if (actual == null || allowed.stream().noneMatch(a -> a.toString().equals(actual.toString()))) {
                return false;
            }
        }
        return true;
    }

    static Object scalar(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
