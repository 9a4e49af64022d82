package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autogate.runtime.schema.TaskType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDetectionTest {
    private static TaskType detect(String... values) {
        return TaskDetection.detect(Arrays.asList(values));
    }

    private static List<String> classes(String... values) {
        return TaskDetection.classes(Arrays.asList(values));
    }

    @Test
    void wordsAreBinaryWithTwoValuesElseMulticlass() {
        assertEquals(TaskType.BINARY, detect("yes", "no", "", "yes"));
        assertEquals(TaskType.MULTICLASS, detect("setosa", "virginica", "versicolor"));
        assertEquals(TaskType.MULTICLASS, detect("a", "b", "1"));
    }

    @Test
    void twoNumbersAreBinary() {
        assertEquals(TaskType.BINARY, detect("0", "1", "1", "NA"));
        assertEquals(TaskType.BINARY, detect("2", "4", "4"));
        assertEquals(TaskType.BINARY, detect("0.5", "7.25"));
    }

    @Test
    void smallIntegerCodesStartingAtZeroOrOneAreMulticlass() {
        assertEquals(TaskType.MULTICLASS, detect("1", "2", "3", "2"));
        assertEquals(TaskType.MULTICLASS, detect("0", "1", "2"));
        assertEquals(TaskType.MULTICLASS, detect("1", "2", "3", "5", "6", "7"));
        assertEquals(TaskType.MULTICLASS, detect("1.0", "2.0", "3.0"));
    }

    @Test
    void otherNumbersAreRegression() {
        assertEquals(TaskType.REGRESSION, detect("3", "5", "6", "9")); // quality scores from 3
        assertEquals(TaskType.REGRESSION, detect("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")); // 11 codes
        assertEquals(TaskType.REGRESSION, detect("0", "1.5", "2")); // not integers
        assertEquals(TaskType.REGRESSION, detect("-1", "0", "1")); // min -1
    }

    @Test
    void classesAreSortedNumericallyAsWrittenOrLexicographically() {
        assertEquals(List.of("2", "4"), classes("4", "2", "4"));
        assertEquals(List.of("2", "10", "11"), classes("10", "2", "11"));
        assertEquals(List.of("1", "2.5"), classes("2.5", "1", "1.0"));
        assertEquals(List.of("10", "2", "b"), classes("b", "2", "10"));
        assertEquals(List.of("<=50K", ">50K"), classes(">50K", "<=50K", ""));
        assertEquals(List.of("no", "yes"), classes(" yes", "no "));
    }

    @Test
    void classIndexesMatchNumbersByValueAndWordsByText() {
        List<String> values = Arrays.asList("1", "2.0", "1.0", "", "3");
        List<String> classes = TaskDetection.classes(values);
        assertEquals(List.of("1", "2.0", "3"), classes);
        assertArrayEquals(new int[] {0, 1, 0, -1, 2}, TaskDetection.classIndexes(values, classes));
        List<String> words = Arrays.asList("b", " a", "b");
        assertArrayEquals(new int[] {1, 0, 1}, TaskDetection.classIndexes(words, TaskDetection.classes(words)));
    }
}
