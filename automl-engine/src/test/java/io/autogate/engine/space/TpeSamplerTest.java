package io.autogate.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
    private static final int TRIALS = 60;
    private final SearchSpace space = ExampleSpaces.xgboost();

    /** The synthetic objective of the brief: best at eta = 10^-1.5, max_depth = 9. */
    private static double loss(Map<String, Object> p) {
        double eta = (Double) p.get("eta");
        int depth = (Integer) p.get("max_depth");
        return Math.pow(Math.log10(eta) + 1.5, 2) + Math.pow((depth - 9) / 5.0, 2);
    }

    /** Runs a sampler for TRIALS proposals, feeding back losses; returns the history. */
    private List<Observation> run(ParameterSampler sampler, long seed, ToDoubleFunction<Map<String, Object>> objective) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Observation> history = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            Map<String, Object> params = sampler.propose(space, TaskType.BINARY, List.copyOf(history), rng.split());
            assertEquals(params, space.complete(params, TaskType.BINARY), "proposal is complete and valid");
            history.add(new Observation(params, objective.applyAsDouble(params)));
        }
        return history;
    }

    private static double best(List<Observation> history) {
        return history.stream().mapToDouble(Observation::loss).min().orElseThrow();
    }

    @Test
    void tpeBeatsRandomSearchOnASyntheticObjective() {
        int seeds = 8;
        double tpe = 0;
        double random = 0;
        int tpeWins = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            double t = best(run(new TpeSampler(), seed, TpeSamplerTest::loss));
            double r = best(run(new RandomSampler(), seed, TpeSamplerTest::loss));
            tpe += t / seeds;
            random += r / seeds;
            tpeWins += t < r ? 1 : 0;
        }
        assertTrue(tpe < 0.3 * random, "mean best loss: TPE " + tpe + " vs random " + random);
        assertTrue(tpeWins >= seeds * 3 / 4, "TPE won on " + tpeWins + " of " + seeds + " seeds");
    }

    @Test
    void startsAsRandomSearch() {
        List<Observation> history = run(new RandomSampler(), 5, TpeSamplerTest::loss).subList(0, 9);
        assertEquals(new RandomSampler().propose(space, TaskType.BINARY, history, new SplittableRandom(11)),
                new TpeSampler().propose(space, TaskType.BINARY, history, new SplittableRandom(11)));
    }

    @Test
    void sameSeedAndHistoryGiveSameProposals() {
        List<Observation> a = run(new TpeSampler(), 3, TpeSamplerTest::loss);
        assertEquals(a, run(new TpeSampler(), 3, TpeSamplerTest::loss));
        assertNotEquals(a, run(new TpeSampler(), 4, TpeSamplerTest::loss));
    }

    @Test
    void learnsChoicesAndConditionalParameters() {
        // lossguide with about 128 leaves is best; depthwise is always worse
        ToDoubleFunction<Map<String, Object>> objective = p -> "lossguide".equals(p.get("grow_policy"))
                ? Math.pow(Math.log((Integer) p.get("max_leaves") / 128.0), 2)
                : 3 + (Double) p.get("eta");
        List<Observation> history = run(new TpeSampler(), 9, objective);
        List<Observation> late = history.subList(40, TRIALS);
        long lossguide = late.stream().filter(o -> "lossguide".equals(o.params().get("grow_policy"))).count();
        assertTrue(lossguide >= 15, "late proposals favour lossguide: " + lossguide + " of 20");
        double bestLeaves = late.stream().filter(o -> o.params().containsKey("max_leaves")).mapToDouble(Observation::loss).min().orElseThrow();
        assertTrue(bestLeaves < 0.05, "max_leaves close to 128: loss " + bestLeaves);
    }

    @Test
    void failedTrialsRankAsWorst() {
        List<Observation> history = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 30; i++) {
            Map<String, Object> p = space.sample(rng, TaskType.BINARY);
            history.add(new Observation(p, (Double) p.get("eta") > 0.1 ? Double.NaN : loss(p)));
        }
        for (int i = 0; i < 10; i++) {
            Map<String, Object> p = new TpeSampler().propose(space, TaskType.BINARY, history, rng.split());
            assertEquals(p, space.complete(p, TaskType.BINARY));
        }
    }

    @Test
    void goodFractionFollowsOptuna() {
        assertEquals(1, TpeSampler.goodCount(10));
        assertEquals(2, TpeSampler.goodCount(11));
        assertEquals(6, TpeSampler.goodCount(60));
        assertEquals(25, TpeSampler.goodCount(1000));
        assertThrows(IllegalArgumentException.class, () -> new TpeSampler(0, 24, 1));
        assertThrows(IllegalArgumentException.class, () -> new TpeSampler(10, 24, 0));
    }
}
