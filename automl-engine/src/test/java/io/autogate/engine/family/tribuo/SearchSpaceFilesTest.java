package io.autogate.engine.family.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.family.ModelFamily;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Tribuo families' search-space files parse as YAML and are consistent: family name, known
 * types, defaults inside their ranges, and portfolio entries that only use declared parameters
 * with values the parameters allow.
 */
class SearchSpaceFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"xgboost", "linear", "decision_tree", "extra_trees", "knn"})
    void fileIsConsistent(String name) {
        SearchSpaceYaml space = SearchSpaceYaml.load(name);
        JsonNode root = space.root();
        assertEquals(name, root.get("family").asText());
        ModelFamily family = TribuoFamiliesTest.family(name);
        assertEquals(name, family.name());
        assertTrue(root.get("description").asText().length() > 10);
        Set<String> tasks = new HashSet<>();
        root.get("tasks").forEach(t -> tasks.add(t.asText()));
        assertEquals(Set.of("binary", "multiclass", "regression"), tasks);

        JsonNode parameters = space.parameters();
        Iterator<Map.Entry<String, JsonNode>> it = parameters.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode dim = e.getValue();
            String type = dim.get("type").asText();
            assertTrue(Set.of("float", "int", "choice", "fixed").contains(type), e.getKey() + ": type " + type);
            if (type.equals("fixed")) {
                assertNotNull(dim.get("value"), e.getKey());
            } else {
                assertNotNull(dim.get("default"), e.getKey() + " has no default");
                assertAllowed(e.getKey(), dim, dim.get("default"));
            }
            if (dim.has("when")) {
                dim.get("when").fieldNames().forEachRemaining(
                        p -> assertTrue(parameters.has(p), e.getKey() + ": 'when' names unknown parameter " + p));
            }
            if (dim.has("tasks")) {
                dim.get("tasks").forEach(t -> assertTrue(tasks.contains(t.asText()), e.getKey() + ": task " + t));
            }
        }

        for (JsonNode entry : space.portfolio()) {
            String entryName = entry.get("name").asText();
            if (entry.has("tasks")) {
                entry.get("tasks").forEach(t -> assertTrue(tasks.contains(t.asText()), entryName + ": task " + t));
            }
            Iterator<Map.Entry<String, JsonNode>> params = entry.get("params").properties().iterator();
            while (params.hasNext()) {
                Map.Entry<String, JsonNode> p = params.next();
                JsonNode dim = parameters.get(p.getKey());
                assertNotNull(dim, entryName + ": parameter " + p.getKey() + " is not in the search space");
                assertTrue(!dim.get("type").asText().equals("fixed"), entryName + ": sets fixed parameter " + p.getKey());
                assertAllowed(entryName + "." + p.getKey(), dim, p.getValue());
            }
        }
    }

    private static void assertAllowed(String what, JsonNode dim, JsonNode value) {
        switch (dim.get("type").asText()) {
            case "float", "int" -> {
                assertTrue(value.isNumber(), what + " is not a number: " + value);
                if (dim.get("type").asText().equals("int")) {
                    assertTrue(value.isIntegralNumber(), what + " is not an integer: " + value);
                }
                double v = value.asDouble();
                assertTrue(v >= dim.get("low").asDouble() && v <= dim.get("high").asDouble(),
                        what + " = " + v + " is outside [" + dim.get("low") + ", " + dim.get("high") + "]");
                if (dim.path("log").asBoolean(false)) {
                    assertTrue(dim.get("low").asDouble() > 0, what + ": log scale needs a positive low bound");
                }
            }
            case "choice" -> {
                Set<String> values = new HashSet<>();
                dim.get("values").forEach(v -> values.add(v.asText()));
                assertTrue(values.contains(value.asText()), what + " = " + value + " is not one of " + values);
            }
            default -> throw new AssertionError(what + ": unexpected type");
        }
    }
}
