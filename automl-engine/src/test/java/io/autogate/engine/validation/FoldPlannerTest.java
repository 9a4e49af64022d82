package io.autogate.engine.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldPlannerTest {
    @Test
    void smallDataGetsFiveStratifiedFoldsCoveringEveryRowOnce() {
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 80 ? 0 : 1;
        }
        FoldPlan plan = FoldPlanner.plan(y, true, 7);
        assertEquals(5, plan.folds().size());
        assertFalse(plan.holdout());
        Set<Integer> seen = new HashSet<>();
        for (FoldPlan.Fold f : plan.folds()) {
            assertEquals(100, f.train().length + f.valid().length);
            long positives = Arrays.stream(f.valid()).filter(i -> y[i] == 1).count();
            assertEquals(4, positives, "each fold holds a fifth of the minority class");
            for (int i : f.valid()) {
                assertTrue(seen.add(i), "row validated twice");
            }
        }
        assertEquals(100, seen.size());
    }

    @Test
    void sizeChoosesFoldsOrHoldout() {
        assertEquals(5, FoldPlanner.foldsFor(5000));
        assertEquals(3, FoldPlanner.foldsFor(5001));
        assertEquals(1, FoldPlanner.foldsFor(60000));
        double[] y = new double[60000];
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 0.5;
        }
        FoldPlan plan = FoldPlanner.plan(y, false, 1);
        assertTrue(plan.holdout());
        assertEquals(12000, plan.folds().get(0).valid().length);
        assertEquals("holdout 20%", plan.describe(false));
    }

    @Test
    void sameSeedSamePlanOtherSeedOtherPlan() {
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        FoldPlan a = FoldPlanner.plan(y, true, 11);
        FoldPlan b = FoldPlanner.plan(y, true, 11);
        FoldPlan c = FoldPlanner.plan(y, true, 12);
        assertArrayEquals(a.folds().get(0).valid(), b.folds().get(0).valid());
        assertFalse(Arrays.equals(a.folds().get(0).valid(), c.folds().get(0).valid()));
    }
}
