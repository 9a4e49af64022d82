package io.autogate.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses and builds the validation plan from the data size: 5-fold CV up to 5,000 rows, 3-fold
 * up to 50,000, a 20% holdout beyond. Classification folds are stratified by class; regression
 * folds are stratified by target quantile so each fold sees the whole range.
 */
public final class FoldPlanner {
    private static final int SMALL = 5_000;
    private static final int MEDIUM = 50_000;

    private FoldPlanner() {
    }

    /** Number of folds for a row count (1 means holdout). */
    public static int foldsFor(int rows) {
        return rows <= SMALL ? 5 : rows <= MEDIUM ? 3 : 1;
    }

    /**
     * A plan for targets {@code y}: class indices when {@code classification}, values otherwise.
     */
    public static FoldPlan plan(double[] y, boolean classification, long seed) {
        int n = y.length;
        int k = foldsFor(n);
        int[] assignment = assign(y, classification, Math.max(k, 5), new SplittableRandom(seed));
        List<FoldPlan.Fold> folds = new ArrayList<>();
        if (k == 1) {
            // holdout: bucket 0 of 5 (20%) is validation
            folds.add(split(assignment, 0));
            return new FoldPlan(folds, true);
        }
        for (int f = 0; f < k; f++) {
            folds.add(split(assignment, f));
        }
        return new FoldPlan(folds, false);
    }

    private static FoldPlan.Fold split(int[] assignment, int fold) {
        int[] valid = IntStream.range(0, assignment.length).filter(i -> assignment[i] == fold).toArray();
        int[] train = IntStream.range(0, assignment.length).filter(i -> assignment[i] != fold).toArray();
        return new FoldPlan.Fold(train, valid);
    }

    /** Assigns each row a bucket 0..k-1, stratified; deterministic from the random source. */
    private static int[] assign(double[] y, boolean classification, int k, SplittableRandom rng) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // shuffle, then stable-sort by stratum so rows of a stratum are spread round-robin in random order
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] stratum = classification ? y : quantileBins(y, 10);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(stratum[a], stratum[b]));
        int[] assignment = new int[n];
        int offset = rng.nextInt(k);
        for (int i = 0; i < n; i++) {
            assignment[order[i]] = (i + offset) % k;
        }
        return assignment;
    }

    private static double[] quantileBins(double[] y, int bins) {
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int pos = java.util.Arrays.binarySearch(sorted, y[i]);
            out[i] = Math.min(bins - 1, (int) ((long) Math.max(pos, 0) * bins / sorted.length));
        }
        return out;
    }
}
