package io.autogate.runtime.model.xgboost;

import java.util.Arrays;

/**
 * Finds the base margin (XGBoost's margin offset) of each output group of a booster from the
 * native booster's raw margins on probe rows, instead of deriving it from the model's
 * parameters. For every probe, native margin minus the sum of the leaves it reaches gives the
 * offset; the offsets must agree up to the rounding of XGBoost's float accumulation (plus
 * {@link #OFFSET_TOLERANCE}), or calibration fails. The offset is then pinned to a float that
 * reproduces every probe's native margin bit for bit when the leaves are added to it in tree
 * order, as XGBoost does: such floats form an interval per probe (float addition is monotone),
 * found by bisection and intersected over the probes. The offset implied by the model's stored
 * {@code base_score} (the score itself, or its logit for {@code binary:logistic}, whose
 * {@code base_score} is a probability) is taken when it lies in that interval (near zero the
 * interval is wide, and only the true offset is right for rows that reach other leaves than the
 * probes); otherwise the float in it nearest the median offset. If no float reproduces all
 * probes, calibration fails.
 */
final class BaseMarginCalibration {
    /** Offsets may differ by this much between probes on top of the float rounding bound. */
    static final double OFFSET_TOLERANCE = 1e-5;

    private BaseMarginCalibration() {
    }

    /**
     * The calibrated base margins of a booster's output groups.
     *
     * @param trees         the booster's trees (their base margins are ignored)
     * @param probes        probe rows as float feature vectors (positions)
     * @param nativeMargins the native booster's raw margins for the probes
     * @param boosterIndex  for messages
     * @throws XGBoostCompilationException if the native margins have the wrong shape or the
     *                                     offsets are not the same on every probe
     */
    static float[] calibrate(BoosterTrees trees, float[][] probes, float[][] nativeMargins, int boosterIndex)
            throws XGBoostCompilationException {
        int groups = trees.numGroups();
        float[][][] leaves = new float[probes.length][][];
        for (int i = 0; i < probes.length; i++) {
            if (nativeMargins[i].length != groups) {
                throw new XGBoostCompilationException("booster " + boosterIndex + " returns " + nativeMargins[i].length
                        + " margins per row, its trees have " + groups + " output groups");
            }
            leaves[i] = trees.leavesReached(probes[i]);
        }
        float[] base = new float[groups];
        for (int g = 0; g < groups; g++) {
            base[g] = calibrateGroup(leaves, nativeMargins, g, trees.storedBaseScore(), boosterIndex);
        }
        return base;
    }

    private static float calibrateGroup(float[][][] leaves, float[][] nativeMargins, int g, float stored,
            int boosterIndex) throws XGBoostCompilationException {
        int n = leaves.length;
        double[] offsets = new double[n];
        double[] roundingBound = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double magnitude = 0;
            for (float leaf : leaves[i][g]) {
                sum += leaf;
                magnitude += Math.abs(leaf);
            }
            offsets[i] = nativeMargins[i][g] - sum;
            // Each float addition rounds by at most half an ulp of the running sum.
            magnitude += Math.abs(offsets[i]);
            roundingBound[i] = (leaves[i][g].length + 1) * 0.5 * Math.ulp((float) magnitude);
        }
        for (int i = 1; i < n; i++) {
            double allowed = OFFSET_TOLERANCE + roundingBound[0] + roundingBound[i];
            if (!(Math.abs(offsets[i] - offsets[0]) <= allowed)) {
                throw new XGBoostCompilationException("booster " + boosterIndex + " group " + g
                        + ": margin offsets differ between probe rows (" + offsets[0] + " vs " + offsets[i] + ")");
            }
        }
        double[] sorted = offsets.clone();
        Arrays.sort(sorted);
        float median = (float) sorted[n / 2];
        double spread = OFFSET_TOLERANCE + 2 * Arrays.stream(roundingBound).max().orElse(0);
        int lo = ordinal((float) (median - spread));
        int hi = ordinal((float) (median + spread)) + 1;
        for (int i = 0; i < n && lo < hi; i++) {
            float target = nativeMargins[i][g];
            float[] path = leaves[i][g];
            // First base whose sum reaches the target, and first whose sum passes it.
            lo = Math.max(lo, firstReaching(path, target, lo, hi, false));
            hi = Math.min(hi, firstReaching(path, target, lo, hi, true));
        }
        if (lo >= hi) {
            throw new XGBoostCompilationException("booster " + boosterIndex + " group " + g
                    + ": no margin offset reproduces the native margins exactly (median offset " + median + ")");
        }
        if (!Float.isNaN(stored) && ordinal(stored) >= lo && ordinal(stored) < hi) {
            return stored;
        }
        return fromOrdinal(Math.max(lo, Math.min(hi - 1, ordinal(median))));
    }

    // Smallest ordinal b in [lo, hi) whose float sum is >= target (or > target when strictly); hi if none.
    private static int firstReaching(float[] path, float target, int lo, int hi, boolean strictly) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (int) (a + ((long) b - a) / 2);
            float sum = sumFrom(fromOrdinal(mid), path);
            boolean reached = strictly ? sum > target : sum >= target;
            if (reached) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }

    private static float sumFrom(float base, float[] path) {
        float acc = base;
        for (float leaf : path) {
            acc += leaf;
        }
        return acc;
    }

    // Floats mapped to ints in the same order (monotone for all non-NaN values).
    private static int ordinal(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static float fromOrdinal(int ordinal) {
        return Float.intBitsToFloat(ordinal ^ ((ordinal >> 31) & 0x7fffffff));
    }
}
