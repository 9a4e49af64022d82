package io.autogate.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.runtime.schema.TaskType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchSpaceLoaderTest {
    private static final String HEADER = "family: xgboost\ndescription: test\ntasks: [binary, regression]\n";

    private static SearchSpace parse(String yaml) {
        return new SearchSpaceLoader().parse("search-spaces/xgboost.yaml", "xgboost",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesTheFormatExample() {
        SearchSpace space = ExampleSpaces.xgboost();
        assertEquals("xgboost", space.family());
        assertEquals("Gradient-boosted trees (XGBoost via Tribuo)", space.description());
        assertEquals(EnumSet.allOf(TaskType.class), space.tasks());
        assertEquals(List.of("eta", "max_depth", "n_estimators", "grow_policy", "max_leaves", "objective"),
                space.dimensions().stream().map(Dimension::name).toList());
        assertEquals(new FloatDimension("eta", 0.01, 0.5, true, 0.1), space.dimensions().get(0));
        assertEquals(new IntDimension("max_depth", 2, 12, false, 6), space.dimensions().get(1));
        assertEquals(new IntDimension("n_estimators", 50, 800, true, 200), space.dimensions().get(2));
        assertEquals(new ChoiceDimension("grow_policy", List.of("depthwise", "lossguide"), "depthwise"), space.dimensions().get(3));
        assertEquals(new IntDimension("max_leaves", 4, 256, true, 31, Set.of(), Map.of("grow_policy", List.of("lossguide"))),
                space.dimensions().get(4));
        assertEquals(new FixedDimension("objective", "reg:squarederror", Set.of(TaskType.REGRESSION), Map.of()),
                space.dimensions().get(5));
        assertEquals(List.of(
                new PortfolioEntry("h2o-def-3", Map.of("max_depth", 5, "eta", 0.3), Set.of()),
                new PortfolioEntry("flaml-binary-1", Map.of("max_depth", 11, "eta", 0.0136), Set.of(TaskType.BINARY))),
                space.portfolio());
        assertEquals(List.of("max_depth", "eta"), List.copyOf(space.portfolio().get(0).params().keySet()));
    }

    @Test
    void overrideFolderWinsAndMessagesNameItsFile(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("xgboost.yaml"), ExampleSpaces.xgboostYaml());
        Files.writeString(folder.resolve("knn.yaml"), "family: knn\ntasks: [binary]\nparameters:\n"
                + "  k: {type: int, low: 9, high: 1, default: 5}\n");
        SearchSpaceLoader loader = new SearchSpaceLoader(folder);
        assertEquals(6, loader.load("xgboost").dimensions().size());
        BadInputException e = assertThrows(BadInputException.class, () -> loader.loadAll(List.of("xgboost", "knn")));
        assertEquals(folder.resolve("knn.yaml") + ": parameter 'k': low 9 is not below high 1", e.getMessage());
    }

    @Test
    void readsFromTheClasspathFolder(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("search-spaces"));
        Files.writeString(root.resolve("search-spaces/xgboost.yaml"), ExampleSpaces.xgboostYaml());
        Files.writeString(root.resolve("search-spaces/linear.yaml"), "family: linear\ntasks: [regression]\n"
                + "parameters:\n  alpha: {type: float, low: 1.0e-6, high: 1.0, log: true, default: 1.0e-4}\n");
        try (URLClassLoader classpath = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            SearchSpaceLoader loader = new SearchSpaceLoader(classpath, Optional.empty());
            List<SearchSpace> spaces = loader.loadAll(List.of("linear", "xgboost"));
            assertEquals(List.of("linear", "xgboost"), spaces.stream().map(SearchSpace::family).toList());
            assertEquals(Map.of("alpha", 1.0e-4), spaces.get(0).defaults(TaskType.REGRESSION));
            BadInputException missing = assertThrows(BadInputException.class, () -> loader.load("catboost"));
            assertEquals("no search space for model family 'catboost': search-spaces/catboost.yaml is not on the classpath",
                    missing.getMessage());
            assertThrows(BadInputException.class, () -> loader.load("../secret"));
        }
    }

    @Test
    void parametersAndPortfolioMayBeOmitted() {
        SearchSpace space = parse("family: xgboost\ntasks: regression\n");
        assertTrue(space.dimensions().isEmpty());
        assertTrue(space.portfolio().isEmpty());
        assertEquals(Map.of(), space.defaults(TaskType.REGRESSION));
        assertFalse(space.supports(TaskType.BINARY));
    }

    @Test
    void choicesKeepTheirTypes() {
        SearchSpace space = parse(HEADER + "parameters:\n"
                + "  bootstrap: {type: choice, values: [true, false], default: true}\n"
                + "  k: {type: choice, values: [1, 2.5, auto], default: 2.5}\n"
                + "  depth: {type: int, low: 1, high: 4, default: 2, when: {bootstrap: false, k: [1, auto]}}\n");
        assertEquals(List.of(true, false), ((ChoiceDimension) space.dimensions().get(0)).values());
        assertEquals(List.of(1, 2.5, "auto"), ((ChoiceDimension) space.dimensions().get(1)).values());
        assertEquals(Map.of("bootstrap", false, "k", 1, "depth", 2),
                space.complete(Map.of("bootstrap", false, "k", 1.0), TaskType.BINARY));
        assertEquals(Map.of("bootstrap", true, "k", "auto"), space.complete(Map.of("k", "auto"), TaskType.BINARY));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        parameters:\\n  eta: {type: float, low: 0.5, high: 0.1, default: 0.2} | parameter 'eta': low 0.5 is not below high 0.1
        parameters:\\n  eta: {type: float, low: 0.0, high: 0.1, log: true, default: 0.05} | parameter 'eta': log scale needs low > 0, got 0.0
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.1, default: 0.5} | parameter 'eta': default 0.5 is outside [0.01, 0.1]
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.1} | parameter 'eta': missing 'default'
        parameters:\\n  eta: {type: float, low: 0.01, hihg: 0.1, default: 0.05} | parameter 'eta': unknown key 'hihg' (expected one of type, low, high, log, default, when, tasks)
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.1, log: yes please, default: 0.05} | parameter 'eta': 'log' must be true or false, got "yes please"
        parameters:\\n  eta: {type: real, low: 0.01, high: 0.1, default: 0.05} | parameter 'eta': unknown type 'real' (expected float, int, choice or fixed)
        parameters:\\n  eta: {low: 0.01, high: 0.1, default: 0.05} | parameter 'eta': missing 'type' (float, int, choice or fixed)
        parameters:\\n  eta: {type: float, low: small, high: 0.1, default: 0.05} | parameter 'eta': 'low' must be a number, got "small"
        parameters:\\n  depth: {type: int, low: 2.5, high: 12, default: 6} | parameter 'depth': 'low' must be an integer, got 2.5
        parameters:\\n  depth: {type: int, low: 2, high: 12, default: 20} | parameter 'depth': default 20 is outside [2, 12]
        parameters:\\n  depth: {type: int, low: 0, high: 12, log: true, default: 6} | parameter 'depth': log scale needs low > 0, got 0
        parameters:\\n  policy: {type: choice, values: [a, b], default: c} | parameter 'policy': default 'c' is not one of [a, b]
        parameters:\\n  policy: {type: choice, values: [a, a], default: a} | parameter 'policy': duplicate value 'a'
        parameters:\\n  policy: {type: choice, values: [], default: a} | parameter 'policy': a choice needs at least one value
        parameters:\\n  policy: {type: choice, values: [a, [b]], default: a} | parameter 'policy': 'values' must be a string, number or boolean, got ["b"]
        parameters:\\n  objective: {type: fixed, value: x, default: x} | parameter 'objective': unknown key 'default' (expected one of type, value, when, tasks)
        parameters:\\n  objective: {type: fixed, value: x, tasks: [multiclass]} | parameter 'objective': task multiclass is not among the family's tasks [binary, regression]
        parameters:\\n  objective: {type: fixed, value: x, tasks: [ranking]} | parameter 'objective': unknown task 'ranking' (expected binary, multiclass or regression)
        parameters:\\n  leaves: {type: int, low: 4, high: 64, default: 8, when: {policy: b}}\\n  policy: {type: choice, values: [a, b], default: a} | parameter 'leaves': condition on 'policy', which is not a parameter declared before it
        parameters:\\n  policy: {type: choice, values: [a, b], default: a}\\n  leaves: {type: int, low: 4, high: 64, default: 8, when: {policy: [b, c]}} | parameter 'leaves': condition can never hold: parameter 'policy': 'c' is not one of [a, b]
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1}\\nportfolio:\\n  - {name: p1, params: {etaa: 0.2}} | portfolio entry 'p1': unknown parameter 'etaa'
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1}\\nportfolio:\\n  - {name: p1, params: {eta: 0.9}} | portfolio entry 'p1': parameter 'eta': 0.9 is outside [0.01, 0.5]
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1}\\nportfolio:\\n  - {name: p1, params: {eta: 0.2}, task: [binary]} | portfolio entry 'p1': unknown key 'task' (expected one of name, params, tasks)
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1}\\nportfolio:\\n  - {name: p1}\\n  - {name: p1} | portfolio entry 'p1': name used twice
        paramters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1} | unknown key 'paramters' (expected one of family, description, tasks, parameters, portfolio)
        parameters:\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.1}\\n  eta: {type: float, low: 0.01, high: 0.5, default: 0.2} | not valid YAML at line 6: Duplicate field 'eta'
        """)
    void rejectsInvalidFilesNamingFileAndParameter(String body, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(HEADER + body.replace("\\n", "\n") + "\n"));
        assertEquals("search-spaces/xgboost.yaml: " + expected, e.getMessage());
    }

    @Test
    void familyMustMatchTheFileName() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse("family: xgbost\ntasks: [binary]\n"));
        assertEquals("search-spaces/xgboost.yaml: family 'xgbost' does not match the file name (expected 'xgboost')",
                e.getMessage());
    }

    @Test
    void emptyAndMalformedFilesAreReported() {
        assertEquals("search-spaces/xgboost.yaml: the file is empty",
                assertThrows(BadInputException.class, () -> parse("")).getMessage());
        assertEquals("search-spaces/xgboost.yaml: tasks must not be empty",
                assertThrows(BadInputException.class, () -> parse("family: xgboost\ntasks: []\n")).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> parse("family: [xgboost\n")).getMessage()
                .startsWith("search-spaces/xgboost.yaml: not valid YAML at line "));
    }
}
