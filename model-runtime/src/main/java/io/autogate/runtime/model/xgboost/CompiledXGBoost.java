package io.autogate.runtime.model.xgboost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The boosters of a Tribuo {@link XGBoostModel} compiled to flat Java arrays: scoring a row walks
 * the trees in plain Java, with no native call and no Tribuo example, and reproduces XGBoost's
 * float arithmetic (features compared as floats, leaves summed in tree order in float, the
 * objective's transform in float).
 *
 * <p>The trees come from each booster's JSON model. The margin offset of each output group
 * (XGBoost's base score) is calibrated against the native booster by
 * {@link BaseMarginCalibration}: its raw margins on probe rows minus the leaves the compiled
 * trees reach must agree on every probe, and one float offset must reproduce every probe's
 * margin bit for bit, or compilation fails. Compilation alone does not prove agreement with
 * Tribuo's predictions; {@link CompiledVerification} checks that before a caller serves from it.
 *
 * <p>Input rows are feature vectors in the order of the feature names given at compilation;
 * output {@code j} of a row is prediction {@code j} of the first booster, followed by those of
 * the next booster: class probabilities in Tribuo output-id order for a classifier (one booster
 * with {@code multi:softprob}, one margin per class; or, for two classes, one booster with
 * {@code binary:logistic}, one margin whose sigmoid {@code p} is the probability of output id 1,
 * written out as {@code 1 - p, p}), one value per booster for a regressor.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledXGBoost {
    private static final int CALIBRATION_ROWS = 32;
    private static final long CALIBRATION_SEED = 0x0CA1_1B2A7EL;

    private final List<BoosterTrees> boosters;
    private final int numFeatures;
    private final int numOutputs;
    private final float[][] thresholdsByPosition;

    private CompiledXGBoost(List<BoosterTrees> boosters, int numFeatures) {
        this.boosters = List.copyOf(boosters);
        this.numFeatures = numFeatures;
        this.numOutputs = boosters.stream().mapToInt(BoosterTrees::numOutputs).sum();
        this.thresholdsByPosition = new float[numFeatures][];
        for (int p = 0; p < numFeatures; p++) {
            List<float[]> perBooster = new ArrayList<>();
            int total = 0;
            for (BoosterTrees b : boosters) {
                float[] t = b.thresholdsAt(p);
                perBooster.add(t);
                total += t.length;
            }
            float[] all = new float[total];
            int at = 0;
            for (float[] t : perBooster) {
                System.arraycopy(t, 0, all, at, t.length);
                at += t.length;
            }
            Arrays.sort(all);
            thresholdsByPosition[p] = all;
        }
    }

    /**
     * Compiles the boosters of a Tribuo XGBoost model and calibrates their margin offsets.
     *
     * @param model        the trained model; not changed
     * @param featureNames names of the feature-vector positions; must cover the model's features
     * @return the compiled form, not yet verified against Tribuo's predictions
     * @throws XGBoostCompilationException if the model uses an unsupported objective, booster or
     *                                     split, a feature outside {@code featureNames}, or its
     *                                     margins cannot be reproduced with one offset per group
     */
    public static CompiledXGBoost compile(XGBoostModel<?> model, List<String> featureNames)
            throws XGBoostCompilationException {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int[] positionOfFeature = new int[features.size()];
        Arrays.fill(positionOfFeature, -1);
        for (int p = 0; p < featureNames.size(); p++) {
            VariableIDInfo info = features.get(featureNames.get(p));
            if (info != null) {
                positionOfFeature[info.getID()] = p;
            }
        }
        for (VariableInfo info : features) {
            if (positionOfFeature[features.getID(info.getName())] < 0) {
                throw new XGBoostCompilationException("the model uses feature '" + info.getName()
                        + "', which is not among the feature names given");
            }
        }
        // getInnerModels() returns copies of the native boosters, freed here once read.
        List<Booster> inner = model.getInnerModels();
        try {
            return compile(inner, positionOfFeature, featureNames.size());
        } finally {
            inner.forEach(Booster::dispose);
        }
    }

    private static CompiledXGBoost compile(List<Booster> inner, int[] positionOfFeature, int numFeatures)
            throws XGBoostCompilationException {
        if (inner.isEmpty()) {
            throw new XGBoostCompilationException("the model holds no booster");
        }
        List<BoosterTrees> parsed = new ArrayList<>();
        for (Booster booster : inner) {
            try {
                parsed.add(TreeJsonReader.read(booster.toByteArray("json"), positionOfFeature, numFeatures));
            } catch (XGBoostError e) {
                throw new XGBoostCompilationException("the booster cannot be saved as JSON", e);
            }
        }
        double[][] probes = new CompiledXGBoost(parsed, numFeatures).probeRows(CALIBRATION_ROWS, CALIBRATION_SEED);
        float[][] probesById = inFeatureIdOrder(probes, positionOfFeature);
        float[][] probeFloats = new float[probes.length][];
        for (int i = 0; i < probes.length; i++) {
            probeFloats[i] = toFloats(probes[i]);
        }
        List<BoosterTrees> calibrated = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            float[][] margins = nativeMargins(inner.get(i), probesById);
            BoosterTrees trees = parsed.get(i);
            calibrated.add(trees.withBaseMargins(BaseMarginCalibration.calibrate(trees, probeFloats, margins, i)));
        }
        return new CompiledXGBoost(calibrated, numFeatures);
    }

    // Rows with column k holding Tribuo feature id k, as XGBoost sees them.
    private static float[][] inFeatureIdOrder(double[][] rows, int[] positionOfFeature) {
        float[][] out = new float[rows.length][positionOfFeature.length];
        for (int i = 0; i < rows.length; i++) {
            for (int id = 0; id < positionOfFeature.length; id++) {
                out[i][id] = (float) rows[i][positionOfFeature[id]];
            }
        }
        return out;
    }

    private static float[][] nativeMargins(Booster booster, float[][] rows) throws XGBoostCompilationException {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(flat, rows.length, cols, Float.NaN);
            return booster.predict(matrix, true, 0);
        } catch (XGBoostError e) {
            throw new XGBoostCompilationException("the native booster failed on calibration rows", e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    private static float[] toFloats(double[] row) {
        float[] x = new float[row.length];
        for (int p = 0; p < row.length; p++) {
            x[p] = (float) row[p];
        }
        return x;
    }

    /** Length of the feature vectors this model scores. */
    public int numFeatures() {
        return numFeatures;
    }

    /** Number of values {@link #predict} returns per row. */
    public int numOutputs() {
        return numOutputs;
    }

    /**
     * The predictions for one feature vector, as described in the class comment. Values are
     * compared as floats, as XGBoost does; a NaN takes each split's default (missing) branch.
     *
     * @throws IllegalArgumentException if the row's length is not {@link #numFeatures()}
     */
    public double[] predict(double[] row) {
        if (row.length != numFeatures) {
            throw new IllegalArgumentException("row has " + row.length + " features, the model expects " + numFeatures);
        }
        float[] x = toFloats(row);
        double[] out = new double[numOutputs];
        int at = 0;
        for (BoosterTrees b : boosters) {
            b.predict(x, out, at);
            at += b.numOutputs();
        }
        return out;
    }

    /**
     * Seeded rows that exercise the trees' decisions: each value is zero, a split threshold of
     * that feature, the float just below or above it, a double that rounds to it as a float, a
     * value a little off it, or a value drawn across the thresholds' range. All values are finite.
     *
     * @param count number of rows
     * @param seed  seed of the random choices
     */
    public double[][] probeRows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[count][numFeatures];
        for (double[] row : rows) {
            for (int p = 0; p < numFeatures; p++) {
                row[p] = probeValue(thresholdsByPosition[p], random);
            }
        }
        return rows;
    }

    private static double probeValue(float[] thresholds, SplittableRandom random) {
        if (thresholds.length == 0) {
            return random.nextBoolean() ? 0.0 : random.nextDouble(-1, 1);
        }
        float t = thresholds[random.nextInt(thresholds.length)];
        double value = switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> t;
            case 2 -> Math.nextDown(t);
            case 3 -> Math.nextUp(t);
            case 4 -> Math.nextUp((double) t);
            case 5 -> t + (random.nextBoolean() ? 1 : -1) * 1e-3 * Math.max(1.0, Math.abs(t));
            default -> {
                double lo = thresholds[0];
                double hi = thresholds[thresholds.length - 1];
                double margin = Math.max(1.0, hi - lo) * 0.25;
                yield random.nextDouble(lo - margin, hi + margin);
            }
        };
        return Double.isFinite(value) ? value : t;
    }

    /** A copy with every base margin moved by {@code delta}: a deliberately wrong form, to test verification. */
    CompiledXGBoost withBaseMarginShift(float delta) {
        List<BoosterTrees> shifted = new ArrayList<>();
        for (BoosterTrees b : boosters) {
            float[] margins = b.baseMargins();
            for (int g = 0; g < margins.length; g++) {
                margins[g] += delta;
            }
            shifted.add(b.withBaseMargins(margins));
        }
        return new CompiledXGBoost(shifted, numFeatures);
    }
}
