package io.autogate.runtime.model.xgboost;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Compiles the XGBoost model inside a Tribuo model and hands the compiled form out only when it
 * gives the same final outputs as the Tribuo path: both score {@link #PROBE_ROWS} seeded probe
 * rows ({@link CompiledXGBoost#probeRows}), and every output must agree within
 * {@link #TOLERANCE}. Any failure (not XGBoost, unsupported, calibration failed, disagreement,
 * an exception while scoring probes) means "keep scoring with Tribuo"; it is logged, never
 * thrown. Stateless and thread-safe.
 */
public final class CompiledVerification {
    /** Number of probe rows scored both ways. */
    public static final int PROBE_ROWS = 256;
    /** Largest accepted absolute difference of any output (probability or value). */
    public static final double TOLERANCE = 1e-6;
    /** Seed of the probe rows. */
    public static final long PROBE_SEED = 0x7EE5_F00DL;
    private static final System.Logger LOG = System.getLogger(CompiledVerification.class.getName());

    private CompiledVerification() {
    }

    /**
     * The compiled form of {@code model}, if it is an {@link XGBoostModel} that compiles and
     * whose served outputs match the reference on the probe rows.
     *
     * @param model           the Tribuo model
     * @param featureNames    names of the feature-vector positions
     * @param expectedOutputs number of values the compiled form must return per row
     * @param reference       the outputs as served without compilation (Tribuo's path)
     * @param servedBy        the outputs as they would be served from a compiled form
     * @return the verified compiled form, or empty to keep using the reference
     */
    public static Optional<CompiledXGBoost> compileVerified(Model<?> model, List<String> featureNames,
            int expectedOutputs, UnaryOperator<double[][]> reference,
            Function<CompiledXGBoost, UnaryOperator<double[][]>> servedBy) {
        if (!(model instanceof XGBoostModel<?> xgb)) {
            return Optional.empty();
        }
        CompiledXGBoost candidate;
        try {
            candidate = CompiledXGBoost.compile(xgb, featureNames);
        } catch (XGBoostCompilationException e) {
            LOG.log(System.Logger.Level.INFO, "XGBoost model not compiled, scoring natively: " + e.getMessage());
            return Optional.empty();
        }
        if (candidate.numOutputs() != expectedOutputs) {
            LOG.log(System.Logger.Level.WARNING, "compiled XGBoost model returns " + candidate.numOutputs()
                    + " outputs, expected " + expectedOutputs + "; scoring natively");
            return Optional.empty();
        }
        double difference = maxDifference(candidate, reference, servedBy.apply(candidate));
        if (!(difference <= TOLERANCE)) {
            LOG.log(System.Logger.Level.WARNING, "compiled XGBoost model differs from Tribuo by " + difference
                    + " on probe rows; scoring natively");
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /**
     * The largest absolute difference between the two scorings of the candidate's probe rows;
     * infinite if the shapes differ, a value is NaN on one side only, or scoring throws.
     *
     * @param candidate the compiled form whose probe rows are scored
     * @param reference the outputs as served without compilation
     * @param served    the outputs as served from {@code candidate}
     */
    public static double maxDifference(CompiledXGBoost candidate, UnaryOperator<double[][]> reference,
            UnaryOperator<double[][]> served) {
        double[][] probes = candidate.probeRows(PROBE_ROWS, PROBE_SEED);
        double[][] expected;
        double[][] actual;
        try {
            expected = reference.apply(probes);
            actual = served.apply(probes);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "scoring XGBoost probe rows failed", e);
            return Double.POSITIVE_INFINITY;
        }
        return maxAbsDifference(expected, actual);
    }

    /** The largest absolute difference of two equally shaped matrices; infinite if shapes or NaNs differ. */
    static double maxAbsDifference(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < a[i].length; j++) {
                if (Double.isNaN(a[i][j]) || Double.isNaN(b[i][j])) {
                    if (Double.isNaN(a[i][j]) != Double.isNaN(b[i][j])) {
                        return Double.POSITIVE_INFINITY;
                    }
                    continue;
                }
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
