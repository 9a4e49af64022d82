package io.autogate.engine.family.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four Smile search-space files: they parse as YAML, name their family, declare sane
 * dimensions, their portfolio entries only set declared parameters, and every portfolio entry
 * fits (on a small slice of real data) for every task it applies to.
 */
class SmileSearchSpacesTest {

    static Stream<ModelFamily> families() {
        return Stream.of(new RandomForestFamily(), new GradientBoostingFamily(), new NaiveBayesFamily(), new MlpFamily());
    }

    @ParameterizedTest
    @MethodSource("families")
    void fileDeclaresTheFamilyAndSaneDimensions(ModelFamily family) {
        SearchSpaceFile file = SearchSpaceFile.read(family.name());
        JsonNode root = file.root();
        assertEquals(family.name(), root.get("family").asText());
        assertTrue(root.get("description").asText().length() > 5);
        for (TaskType task : TaskType.values()) {
            boolean listed = false;
            for (JsonNode t : root.get("tasks")) {
                listed |= t.asText().equals(task.id());
            }
            assertEquals(family.supports(task), listed, family.name() + " tasks vs supports(" + task + ")");
        }
        for (Map.Entry<String, JsonNode> e : file.parameters().entrySet()) {
            JsonNode dim = e.getValue();
            String type = dim.get("type").asText();
            String where = family.name() + "." + e.getKey();
            switch (type) {
                case "int", "float" -> {
                    double low = dim.get("low").asDouble();
                    double high = dim.get("high").asDouble();
                    double def = dim.get("default").asDouble();
                    assertTrue(low < high && low <= def && def <= high, where + " range/default");
                    assertTrue(!dim.path("log").asBoolean() || low > 0, where + " log scale needs low > 0");
                    if (type.equals("int")) {
                        assertTrue(dim.get("low").isIntegralNumber() && dim.get("high").isIntegralNumber()
                                && dim.get("default").isIntegralNumber(), where + " int bounds");
                    }
                }
                case "choice" -> {
                    Set<String> values = new HashSet<>();
                    dim.get("values").forEach(v -> values.add(v.asText()));
                    assertTrue(values.contains(dim.get("default").asText()), where + " default among values");
                }
                case "fixed" -> assertTrue(dim.has("value"), where + " value");
                default -> throw new AssertionError(where + ": unknown type " + type);
            }
            if (dim.has("when")) {
                dim.get("when").properties().forEach(c -> assertTrue(file.parameters().containsKey(c.getKey()),
                        where + " condition on undeclared " + c.getKey()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void portfolioEntriesOnlySetDeclaredParametersWithinRange(ModelFamily family) {
        SearchSpaceFile file = SearchSpaceFile.read(family.name());
        List<JsonNode> portfolio = file.portfolio();
        assertFalse(portfolio.isEmpty());
        Set<String> names = new HashSet<>();
        for (JsonNode entry : portfolio) {
            String name = entry.get("name").asText();
            assertTrue(names.add(name), "duplicate portfolio entry " + name);
            for (Map.Entry<String, Object> p : SearchSpaceFile.entryParams(entry).entrySet()) {
                JsonNode dim = file.parameters().get(p.getKey());
                assertTrue(dim != null, family.name() + "/" + name + ": undeclared parameter " + p.getKey());
                if (p.getValue() instanceof Number n && dim.has("low")) {
                    assertTrue(n.doubleValue() >= dim.get("low").asDouble() && n.doubleValue() <= dim.get("high").asDouble(),
                            family.name() + "/" + name + ": " + p.getKey() + " = " + n + " out of range");
                }
            }
        }
        assertEquals("default", portfolio.stream().filter(e -> SearchSpaceFile.entryParams(e).isEmpty())
                .map(e -> e.get("name").asText()).findFirst().orElse("none"));
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyPortfolioEntryFitsForItsTasks(ModelFamily family) {
        SearchSpaceFile file = SearchSpaceFile.read(family.name());
        for (TaskType task : TaskType.values()) {
            if (!family.supports(task)) {
                continue;
            }
            FamilyTestData.TrainTest data = FamilyTestData.forTask(task, family.needsScaling());
            TrainingSet small = FamilyTestData.head(data.train(), 60);
            for (JsonNode entry : file.portfolio()) {
                if (!SearchSpaceFile.appliesTo(entry, task)) {
                    continue;
                }
                Map<String, Object> params = file.params(task, SearchSpaceFile.entryParams(entry));
                NumericModel model = family.fit(small, params, 1L);
                double[][] scores = model.score(new double[][] {data.testX()[0]});
                assertEquals(task.isClassification() ? small.numClasses() : 1, scores[0].length,
                        family.name() + "/" + entry.get("name").asText() + " on " + task);
            }
        }
    }
}
