package io.autogate.engine.family.tribuo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search-space file read with plain Jackson YAML, standing in for the engine's parser in these
 * tests: it fills parameters the way the engine does (defaults, fixed values, {@code tasks} and
 * {@code when} conditions; Integer for int, Double for float).
 */
record SearchSpaceYaml(String fileName, JsonNode root) {

    static SearchSpaceYaml load(String family) {
        String resource = "/search-spaces/" + family + ".yaml";
        try (InputStream in = SearchSpaceYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not on the test class path: " + resource);
            }
            return new SearchSpaceYaml(family, new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode parameters() {
        return root.get("parameters");
    }

    List<JsonNode> portfolio() {
        List<JsonNode> entries = new ArrayList<>();
        root.get("portfolio").forEach(entries::add);
        return entries;
    }

    static boolean appliesTo(JsonNode node, TaskType task) {
        JsonNode tasks = node.get("tasks");
        if (tasks == null) {
            return true;
        }
        for (JsonNode t : tasks) {
            if (t.asText().equals(task.id())) {
                return true;
            }
        }
        return false;
    }

    /** Every active parameter for the task, defaults overridden by {@code overrides}. */
    Map<String, Object> params(TaskType task, JsonNode overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = parameters().properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode dim = e.getValue();
            if (!appliesTo(dim, task)) {
                continue;
            }
            JsonNode chosen = overrides != null && overrides.has(e.getKey()) ? overrides.get(e.getKey())
                    : dim.get("type").asText().equals("fixed") ? dim.get("value") : dim.get("default");
            values.put(e.getKey(), convert(dim.get("type").asText(), chosen));
        }
        // Drop parameters whose 'when' condition does not hold.
        Iterator<Map.Entry<String, JsonNode>> again = parameters().properties().iterator();
        while (again.hasNext()) {
            Map.Entry<String, JsonNode> e = again.next();
            JsonNode when = e.getValue().get("when");
            if (when == null) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> conditions = when.properties().iterator();
            while (conditions.hasNext()) {
                Map.Entry<String, JsonNode> c = conditions.next();
                Object actual = values.get(c.getKey());
                if (actual == null || !actual.toString().equals(c.getValue().asText())) {
                    values.remove(e.getKey());
                }
            }
        }
        return values;
    }

    private static Object convert(String type, JsonNode value) {
        return switch (type) {
            case "int" -> value.asInt();
            case "float" -> value.asDouble();
            default -> value.isNumber() ? value.numberValue() : value.isBoolean() ? value.asBoolean() : value.asText();
        };
    }
}
