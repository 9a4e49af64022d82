package io.autogate.runtime.onnximport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxImportSpecTest {
    private static final String IRIS = """
            {"target":"species","task":"multiclass","classes":["setosa","versicolor","virginica"],
             "columns":["sepal_length","sepal_width","petal_length","petal_width"],"output":"probabilities"}""";

    @Test
    void readsTheJsonFormAndRoundTrips() {
        OnnxImportSpec spec = OnnxImportSpec.fromJson(IRIS);
        assertEquals("species", spec.target());
        assertEquals(TaskType.MULTICLASS, spec.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), spec.classes());
        assertEquals(4, spec.columns().size());
        assertNull(spec.input());
        assertEquals("probabilities", spec.output());
        assertEquals(spec, OnnxImportSpec.fromJson(spec.toJson()));

        OnnxImportSpec regression = OnnxImportSpec.fromJson("{\"target\":\"price\",\"task\":\"Regression\",\"columns\":[\"area\"]}");
        assertEquals(TaskType.REGRESSION, regression.task());
        assertEquals(List.of(), regression.classes());
        assertEquals(regression, OnnxImportSpec.fromJson(regression.toJson()));
    }

    @Test
    void badSpecsAreRefusedNamingTheField() {
        assertMessage("'columns' is empty", () -> spec("y", TaskType.REGRESSION, null, List.of()));
        assertMessage("'columns' lists 'a' twice", () -> spec("y", TaskType.REGRESSION, null, List.of("a", "b", "a")));
        assertMessage("'columns' has a blank entry at position 2", () -> spec("y", TaskType.REGRESSION, null, List.of("a", " ")));
        assertMessage("'classes' is required for task binary", () -> spec("y", TaskType.BINARY, null, List.of("a")));
        assertMessage("task binary needs exactly 2", () -> spec("y", TaskType.BINARY, List.of("p", "q", "r"), List.of("a")));
        assertMessage("task multiclass needs at least 3", () -> spec("y", TaskType.MULTICLASS, List.of("p", "q"), List.of("a")));
        assertMessage("'classes' lists 'p' twice", () -> spec("y", TaskType.MULTICLASS, List.of("p", "q", "p"), List.of("a")));
        assertMessage("'classes' must be empty for task regression", () -> spec("y", TaskType.REGRESSION, List.of("p"), List.of("a")));
        assertMessage("'target' is missing", () -> spec(" ", TaskType.REGRESSION, null, List.of("a")));
        assertMessage("'target' ('a') is also listed in 'columns'", () -> spec("a", TaskType.REGRESSION, null, List.of("a")));
        assertMessage("'task' is missing", () -> spec("y", null, null, List.of("a")));
        assertMessage("'output' is blank", () -> new OnnxImportSpec("y", TaskType.REGRESSION, null, List.of("a"), null, ""));
    }

    @Test
    void badJsonIsRefusedNamingTheField() {
        assertMessage("not valid JSON", () -> OnnxImportSpec.fromJson("{\"target\":"));
        assertMessage("must be a JSON object", () -> OnnxImportSpec.fromJson("[1]"));
        assertMessage("'colums' is unknown", () -> OnnxImportSpec.fromJson("{\"target\":\"y\",\"task\":\"regression\",\"colums\":[\"a\"]}"));
        assertMessage("'task' must be binary, multiclass or regression, got 'ranking'",
                () -> OnnxImportSpec.fromJson("{\"target\":\"y\",\"task\":\"ranking\",\"columns\":[\"a\"]}"));
        assertMessage("'columns' must be a list of strings",
                () -> OnnxImportSpec.fromJson("{\"target\":\"y\",\"task\":\"regression\",\"columns\":\"a\"}"));
        assertMessage("'columns' must hold strings only",
                () -> OnnxImportSpec.fromJson("{\"target\":\"y\",\"task\":\"regression\",\"columns\":[1]}"));
        assertMessage("'target' must be a string", () -> OnnxImportSpec.fromJson("{\"target\":3,\"task\":\"regression\",\"columns\":[\"a\"]}"));
    }

    private static OnnxImportSpec spec(String target, TaskType task, List<String> classes, List<String> columns) {
        return new OnnxImportSpec(target, task, classes, columns, null, null);
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
