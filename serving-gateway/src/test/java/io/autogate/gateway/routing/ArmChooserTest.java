package io.autogate.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArmChooserTest {
    private static final EndpointPolicy.AbTest SEVENTY_THIRTY = new EndpointPolicy.AbTest(List.of(
            new WeightedArm("a", "churn@1", 70), new WeightedArm("b", "churn@2", 30)),
            new StickyKey(StickyKey.Source.HEADER, "X-User-Id"));
    private static final RandomGenerator UNUSED = new SplittableRandom(0);

    @Test
    void keyedSplitFollowsWeightsAndKeepsEachKeyOnItsArm() {
        ArmChooser chooser = new ArmChooser("churn");
        Map<String, String> firstChoice = new HashMap<>();
        int toA = 0;
        for (int i = 0; i < 10_000; i++) {
            String key = "user-" + i;
            String arm = chooser.chooseAb(SEVENTY_THIRTY, key, UNUSED).name();
            firstChoice.put(key, arm);
            if (arm.equals("a")) {
                toA++;
            }
        }
        assertEquals(0.70, toA / 10_000.0, 0.02);
        ArmChooser again = new ArmChooser("churn");
        for (Map.Entry<String, String> entry : firstChoice.entrySet()) {
            assertEquals(entry.getValue(), again.chooseAb(SEVENTY_THIRTY, entry.getKey(), new SplittableRandom(7)).name());
        }
    }

    @Test
    void keyedChoiceReturnsTheArmModel() {
        Arm arm = new ArmChooser("churn").chooseAb(SEVENTY_THIRTY, "user-1", UNUSED);
        assertEquals(arm.name().equals("a") ? "churn@1" : "churn@2", arm.modelRef());
    }

    @Test
    void endpointSaltsTheHash() {
        ArmChooser first = new ArmChooser("churn");
        ArmChooser second = new ArmChooser("fraud");
        int same = 0;
        for (int i = 0; i < 2_000; i++) {
            if (first.stickyPoint("k" + i) < 0.5 == second.stickyPoint("k" + i) < 0.5) {
                same++;
            }
        }
        assertEquals(0.5, same / 2_000.0, 0.05);
    }

    @Test
    void stickyPointsAreUniform() {
        ArmChooser chooser = new ArmChooser("e");
        int[] buckets = new int[10];
        for (int i = 0; i < 20_000; i++) {
            double p = chooser.stickyPoint(Integer.toString(i));
            assertTrue(p >= 0 && p < 1);
            buckets[(int) (p * 10)]++;
        }
        for (int count : buckets) {
            assertEquals(2_000, count, 150);
        }
    }

    @Test
    void unkeyedChoiceIsRandomByWeightAndReproducibleWithASeed() {
        ArmChooser chooser = new ArmChooser("churn");
        RandomGenerator first = new SplittableRandom(42);
        RandomGenerator second = new SplittableRandom(42);
        int toA = 0;
        StringBuilder firstRun = new StringBuilder();
        StringBuilder secondRun = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String arm = chooser.chooseAb(SEVENTY_THIRTY, null, first).name();
            firstRun.append(arm);
            secondRun.append(chooser.chooseAb(SEVENTY_THIRTY, null, second).name());
            if (arm.equals("a")) {
                toA++;
            }
        }
        assertEquals(firstRun.toString(), secondRun.toString());
        assertEquals(0.70, toA / 10_000.0, 0.02);
        assertNotEquals(-1, firstRun.indexOf("b"));
    }

    @Test
    void canaryChoiceHonoursPercentAndKeepsKeysOnCandidateAsItGrows() {
        ArmChooser chooser = new ArmChooser("churn");
        RandomGenerator random = new SplittableRandom(1);
        assertFalse(chooser.chooseCanary(0, "k", random));
        assertTrue(chooser.chooseCanary(100, "k", random));
        int candidate = 0;
        for (int i = 0; i < 10_000; i++) {
            if (chooser.chooseCanary(25, null, random)) {
                candidate++;
            }
        }
        assertEquals(0.25, candidate / 10_000.0, 0.02);
        for (int i = 0; i < 1_000; i++) {
            String key = "u" + i;
            if (chooser.chooseCanary(5, key, random)) {
                assertTrue(chooser.chooseCanary(25, key, random), key);
                assertTrue(chooser.chooseCanary(50, key, random), key);
            }
        }
    }

    @Test
    void shadowSampling() {
        RandomGenerator random = new SplittableRandom(3);
        EndpointPolicy.Shadow all = new EndpointPolicy.Shadow("a", "b", 1.0);
        EndpointPolicy.Shadow tenth = new EndpointPolicy.Shadow("a", "b", 0.1);
        int sampled = 0;
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ArmChooser.sampleShadow(all, random));
            if (ArmChooser.sampleShadow(tenth, random)) {
                sampled++;
            }
        }
        assertEquals(0.1, sampled / 10_000.0, 0.015);
    }
}
