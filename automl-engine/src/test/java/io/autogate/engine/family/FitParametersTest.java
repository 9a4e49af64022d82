package io.autogate.engine.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitParametersTest {
    private static final Set<String> KNOWN = Set.of("n", "rate", "rule", "absent");

    private static FitParameters read(Map<String, Object> values) {
        return FitParameters.of("fam", values, KNOWN);
    }

    private static String error(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    @Test
    void readsNumbersChoicesAndFallbacks() {
        Map<String, Object> values = new HashMap<>(Map.of("n", 12.0, "rate", 0.5, "rule", "GINI"));
        values.put("absent", null);
        FitParameters p = read(values);
        assertEquals(12, p.intValue("n", 1, 100));
        assertEquals(0.5, p.doubleAbove("rate", 0, 1));
        assertEquals("gini", p.choice("rule", Set.of("gini", "entropy")));
        assertFalse(p.has("absent"), "a null value counts as not given");
        assertTrue(p.has("n"));
        assertEquals(7, p.intValue("absent", 1, 10, 7));
        assertEquals(0.25, p.doubleValue("absent", 0, 1, 0.25));
        assertEquals("x", p.choice("absent", Set.of("x"), "x"));
    }

    @Test
    void problemsNameTheFamilyAndTheParameter() {
        assertEquals("fam: unknown parameter(s) [a, b], known: [absent, n, rate, rule]",
                error(() -> read(Map.of("a", 1, "b", 2))));
        assertEquals("fam: params must not be null", error(() -> read(null)));
        FitParameters p = read(Map.of("n", 2.5, "rate", 0.0, "rule", "x"));
        assertEquals("fam: parameter 'n' must be a whole number, got 2.5", error(() -> p.intValue("n", 1, 9)));
        assertEquals("fam: parameter 'rate' must be a number in (0.0, 1.0], got 0.0",
                error(() -> p.doubleAbove("rate", 0, 1)));
        assertEquals("fam: parameter 'rule' must be one of [a, b], got x", error(() -> p.choice("rule", Set.of("a", "b"))));
        assertEquals("fam: parameter 'absent' is missing", error(() -> p.doubleValue("absent", 0, 1)));
        assertEquals("fam: parameter 'rule' must be a number, got x", error(() -> p.doubleValue("rule", 0, 1)));
    }
}
