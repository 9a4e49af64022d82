package io.autogate.engine.validation;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded shuffles and row samples shared by the checks that look at a subset of rows. */
public final class RowSampling {
    private RowSampling() {
    }

    /** A uniformly random order of {@code 0..n-1} (Fisher-Yates from {@code rng}). */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** At most {@code max} of {@code rows} drawn by {@code rng}, in ascending order; all of them (a copy) when fewer. */
    public static int[] sample(int[] rows, int max, SplittableRandom rng) {
        if (rows.length <= max) {
            return rows.clone();
        }
        int[] order = permutation(rows.length, rng);
        int[] out = new int[max];
        for (int k = 0; k < max; k++) {
            out[k] = rows[order[k]];
        }
        Arrays.sort(out);
        return out;
    }
}
