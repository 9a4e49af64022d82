package io.autogate.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private final SearchSpace space = ExampleSpaces.xgboost();

    @Test
    void defaultsFollowDeclaredOrderAndTasks() {
        Map<String, Object> binary = space.defaults(TaskType.BINARY);
        assertEquals(List.of("eta", "max_depth", "n_estimators", "grow_policy"), List.copyOf(binary.keySet()));
        assertEquals(0.1, binary.get("eta"));
        assertEquals(6, binary.get("max_depth"));
        assertInstanceOf(Integer.class, binary.get("n_estimators"));
        assertEquals("depthwise", binary.get("grow_policy"));
        Map<String, Object> regression = space.defaults(TaskType.REGRESSION);
        assertEquals("reg:squarederror", regression.get("objective"));
        assertEquals(List.of("eta", "max_depth", "n_estimators", "grow_policy", "objective"), List.copyOf(regression.keySet()));
    }

    @Test
    void conditionsSwitchParametersOnAndOff() {
        Map<String, Object> on = space.complete(Map.of("grow_policy", "lossguide"), TaskType.MULTICLASS);
        assertEquals(31, on.get("max_leaves"));
        Map<String, Object> given = space.complete(Map.of("grow_policy", "lossguide", "max_leaves", 100), TaskType.MULTICLASS);
        assertEquals(100, given.get("max_leaves"));
        Map<String, Object> off = space.complete(Map.of("grow_policy", "depthwise", "max_leaves", 100), TaskType.MULTICLASS);
        assertFalse(off.containsKey("max_leaves"));
        Map<String, Object> taskOff = space.complete(Map.of("objective", "reg:squarederror"), TaskType.BINARY);
        assertFalse(taskOff.containsKey("objective"));
    }

    @Test
    void completeConvertsNumbersToCanonicalTypes() {
        Map<String, Object> params = space.complete(Map.of("eta", 0.25f, "max_depth", 7.0, "n_estimators", 300L), TaskType.BINARY);
        assertEquals(Double.valueOf(0.25), params.get("eta"));
        assertEquals(Integer.valueOf(7), params.get("max_depth"));
        assertEquals(Integer.valueOf(300), params.get("n_estimators"));
        assertEquals(params, space.complete(params, TaskType.BINARY));
    }

    @Test
    void completeRejectsBadValuesNamingFamilyAndParameter() {
        assertEquals("xgboost: parameter 'eta': 0.9 is outside [0.01, 0.5]", rejection(Map.of("eta", 0.9)));
        assertEquals("xgboost: parameter 'max_depth': 7.5 is not an integer", rejection(Map.of("max_depth", 7.5)));
        assertEquals("xgboost: parameter 'max_depth': 13 is outside [2, 12]", rejection(Map.of("max_depth", 13)));
        assertEquals("xgboost: parameter 'eta': expected a number, got 'fast'", rejection(Map.of("eta", "fast")));
        assertEquals("xgboost: parameter 'grow_policy': 'leafwise' is not one of [depthwise, lossguide]",
                rejection(Map.of("grow_policy", "leafwise")));
        assertEquals("xgboost: unknown parameter 'etaa'", rejection(Map.of("etaa", 0.1)));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("eta", null);
        assertEquals("xgboost: parameter 'eta': expected a number, got null", rejection(withNull));
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                () -> space.complete(Map.of("objective", "reg:absoluteerror"), TaskType.REGRESSION));
        assertEquals("xgboost: parameter 'objective': fixed at 'reg:squarederror', got 'reg:absoluteerror'", fixed.getMessage());
        SearchSpace binaryOnly = new SearchSpace("tiny", "", Set.of(TaskType.BINARY), List.of(new FloatDimension("c", 0.1, 1, false, 1)));
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class, () -> binaryOnly.defaults(TaskType.REGRESSION));
        assertEquals("tiny: does not support task regression (supports [binary])", task.getMessage());
    }

    private String rejection(Map<String, Object> partial) {
        return assertThrows(IllegalArgumentException.class, () -> space.complete(partial, TaskType.BINARY)).getMessage();
    }

    @Test
    void portfolioIsFilteredByTaskAndCompleted() {
        List<PortfolioEntry> binary = space.portfolio(TaskType.BINARY);
        assertEquals(List.of("h2o-def-3", "flaml-binary-1"), binary.stream().map(PortfolioEntry::name).toList());
        assertEquals(Map.of("eta", 0.3, "max_depth", 5, "n_estimators", 200, "grow_policy", "depthwise"), binary.get(0).params());
        assertEquals(List.of("eta", "max_depth", "n_estimators", "grow_policy"), List.copyOf(binary.get(0).params().keySet()));
        List<PortfolioEntry> regression = space.portfolio(TaskType.REGRESSION);
        assertEquals(List.of("h2o-def-3"), regression.stream().map(PortfolioEntry::name).toList());
        assertEquals("reg:squarederror", regression.get(0).params().get("objective"));
    }

    @Test
    void samplesStayInRangeWithLogUniformMedians() {
        SplittableRandom rng = new SplittableRandom(42);
        int draws = 6000;
        double[] eta = new double[draws];
        double[] estimators = new double[draws];
        int[] depthCounts = new int[13];
        int lossguide = 0;
        for (int i = 0; i < draws; i++) {
            Map<String, Object> p = space.sample(rng, TaskType.BINARY);
            assertEquals(p, space.complete(p, TaskType.BINARY), "samples are complete and valid");
            eta[i] = (Double) p.get("eta");
            estimators[i] = (Integer) p.get("n_estimators");
            depthCounts[(Integer) p.get("max_depth")]++;
            boolean leaves = p.containsKey("max_leaves");
            assertEquals("lossguide".equals(p.get("grow_policy")), leaves);
            if (leaves) {
                lossguide++;
                int l = (Integer) p.get("max_leaves");
                assertTrue(l >= 4 && l <= 256);
            }
            assertFalse(p.containsKey("objective"));
        }
        assertTrue(Arrays.stream(eta).allMatch(x -> x >= 0.01 && x <= 0.5));
        assertEquals(Math.sqrt(0.01 * 0.5), median(eta), 0.07 * Math.sqrt(0.01 * 0.5), "eta median near the geometric mean");
        assertEquals(Math.sqrt(50 * 800), median(estimators), 0.08 * Math.sqrt(50 * 800), "n_estimators median near the geometric mean");
        assertTrue(Arrays.stream(estimators).allMatch(x -> x >= 50 && x <= 800));
        assertEquals(0, depthCounts[0] + depthCounts[1]);
        for (int d = 2; d <= 12; d++) {
            assertEquals(draws / 11.0, depthCounts[d], 0.2 * draws / 11.0, "max_depth uniform at " + d);
        }
        assertEquals(draws / 2.0, lossguide, 0.05 * draws);
    }

    @Test
    void logIntSamplesReachBothEnds() {
        IntDimension small = new IntDimension("k", 1, 4, true, 2);
        SplittableRandom rng = new SplittableRandom(3);
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(small.sample(rng));
        }
        assertEquals(Set.of(1, 2, 3, 4), seen);
    }

    @Test
    void sameSeedGivesSameSamples() {
        List<Map<String, Object>> a = draw(7);
        assertEquals(a, draw(7));
        assertNotEquals(a, draw(8));
    }

    private List<Map<String, Object>> draw(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(space.sample(rng, TaskType.REGRESSION));
        }
        return out;
    }

    @Test
    void dimensionsValidateThemselves() {
        assertEquals("parameter 'eta': low 0.5 is not below high 0.1",
                assertThrows(IllegalArgumentException.class, () -> new FloatDimension("eta", 0.5, 0.1, false, 0.2)).getMessage());
        assertEquals("parameter 'eta': low and high must be finite numbers",
                assertThrows(IllegalArgumentException.class, () -> new FloatDimension("eta", 0, Double.NaN, false, 0)).getMessage());
        assertEquals("parameter 'k': low 3 is not below high 3",
                assertThrows(IllegalArgumentException.class, () -> new IntDimension("k", 3, 3, false, 3)).getMessage());
        assertEquals("parameter 'k': default 3 is not one of [1, 2]",
                assertThrows(IllegalArgumentException.class, () -> new ChoiceDimension("k", List.of(1, 2), 3)).getMessage());
        assertEquals("parameter 'k': duplicate value 2.0",
                assertThrows(IllegalArgumentException.class, () -> new ChoiceDimension("k", List.of(2, 2.0), 2)).getMessage());
        assertEquals("parameter 'o': a fixed value must be a string, number or boolean, got [x]",
                assertThrows(IllegalArgumentException.class, () -> new FixedDimension("o", List.of("x"))).getMessage());
        assertEquals("a parameter needs a name",
                assertThrows(IllegalArgumentException.class, () -> new FixedDimension(" ", "x")).getMessage());
        Map<String, List<Object>> emptyCondition = new LinkedHashMap<>();
        emptyCondition.put("policy", List.of());
        assertEquals("parameter 'k': condition on 'policy' allows no value", assertThrows(IllegalArgumentException.class,
                () -> new IntDimension("k", 1, 3, false, 2, Set.of(), emptyCondition)).getMessage());
    }

    @Test
    void spacesValidateThemselves() {
        Dimension c = new FloatDimension("c", 0.1, 1, false, 1);
        assertEquals("svm: parameter 'c': declared twice", assertThrows(IllegalArgumentException.class,
                () -> new SearchSpace("svm", "", Set.of(TaskType.BINARY), List.of(c, c))).getMessage());
        assertEquals("svm: tasks must not be empty", assertThrows(IllegalArgumentException.class,
                () -> new SearchSpace("svm", "", Set.of(), List.of(c))).getMessage());
        assertEquals("svm: portfolio entry 'big': parameter 'c': 2.0 is outside [0.1, 1.0]", assertThrows(IllegalArgumentException.class,
                () -> new SearchSpace("svm", "", Set.of(TaskType.BINARY), List.of(c),
                        List.of(new PortfolioEntry("big", Map.of("c", 2.0), Set.of())))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace("a/b", "", Set.of(TaskType.BINARY), List.of(c)));
    }

    @Test
    void conditionsMayAllowSeveralValuesAndChain() {
        SearchSpace chained = new SearchSpace("chain", "", Set.of(TaskType.REGRESSION), List.of(
                new ChoiceDimension("kind", List.of("a", "b", "c"), "a"),
                new IntDimension("n", 1, 10, false, 5, Set.of(), Map.of("kind", List.of("b", "c"))),
                new FloatDimension("x", 0, 1, false, 0.5, Set.of(), Map.of("n", List.of(7)))));
        assertEquals(Map.of("kind", "a"), chained.defaults(TaskType.REGRESSION));
        assertEquals(Map.of("kind", "c", "n", 5), chained.complete(Map.of("kind", "c", "x", 0.2), TaskType.REGRESSION));
        assertEquals(Map.of("kind", "b", "n", 7, "x", 0.2), chained.complete(Map.of("kind", "b", "n", 7, "x", 0.2), TaskType.REGRESSION));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return 0.5 * (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]);
    }
}
