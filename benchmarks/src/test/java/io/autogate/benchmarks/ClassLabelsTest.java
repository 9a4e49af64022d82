package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void numericLabelsSortByValue() {
        assertEquals(List.of("2", "4", "10"), ClassLabels.sorted(List.of("10", "4", "2", "4")));
        assertEquals("4", ClassLabels.positiveClass(List.of("4", "2", "2")));
        assertEquals("1", ClassLabels.positiveClass(List.of("1", "0")));
    }

    @Test
    void textLabelsSortLexicographically() {
        assertEquals(">50K", ClassLabels.positiveClass(List.of(">50K", "<=50K")));
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                ClassLabels.sorted(List.of("virginica", "setosa", "versicolor")));
        assertEquals(List.of("10", "9", "a"), ClassLabels.sorted(List.of("a", "9", "10")));
    }

    @Test
    void positiveClassNeedsExactlyTwoLabels() {
        assertThrows(IllegalArgumentException.class, () -> ClassLabels.positiveClass(List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> ClassLabels.positiveClass(List.of("a", "a")));
    }

    @Test
    void sameMatchesEqualNumbers() {
        assertTrue(ClassLabels.same("1", "1.0"));
        assertTrue(ClassLabels.same("yes", "yes"));
        assertFalse(ClassLabels.same("yes", "Yes"));
        assertFalse(ClassLabels.same("1", "2"));
    }
}
