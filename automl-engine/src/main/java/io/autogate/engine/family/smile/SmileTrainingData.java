package io.autogate.engine.family.smile;

import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.smile.SmileFeatureSchema;
import java.util.Arrays;
import smile.data.DataFrame;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Turns a {@link TrainingSet} into what Smile's fit methods take (a {@link DataFrame} named by
 * {@link SmileFeatureSchema}, integer labels) after checking it, and seeds Smile's generator.
 */
final class SmileTrainingData {
    private SmileTrainingData() {
    }

    /** Number of features; checks that all rows have it and that every value is finite. */
    static int checkFeatures(String family, TrainingSet data) {
        if (data == null) {
            throw new IllegalArgumentException(family + ": training data must not be null");
        }
        double[][] x = data.x();
        if (x.length < 2) {
            throw new IllegalArgumentException(family + ": needs at least 2 training rows, got " + x.length);
        }
        int p = x[0].length;
        if (p < 1) {
            throw new IllegalArgumentException(family + ": needs at least one feature");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException(family + ": training row " + i + " has " + x[i].length
                        + " features, row 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(family + ": feature " + j + " of training row " + i
                            + " is " + x[i][j] + "; impute before fitting");
                }
            }
            if (!Double.isFinite(data.y()[i])) {
                throw new IllegalArgumentException(family + ": target of training row " + i + " is " + data.y()[i]);
            }
        }
        return p;
    }

    /** The class labels as ints; each must be a whole number in {@code 0..numClasses-1}. */
    static int[] labels(String family, TrainingSet data) {
        int k = data.numClasses();
        if (k < 2) {
            throw new IllegalArgumentException(family + ": a classification task needs numClasses >= 2, got " + k);
        }
        double[] y = data.y();
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException(family + ": label of training row " + i + " is " + y[i]
                        + ", expected a class index in 0.." + (k - 1));
            }
            labels[i] = (int) y[i];
        }
        return labels;
    }

    /** The distinct labels in increasing order (Smile's class order); at least two are required. */
    static int[] presentClasses(String family, int[] labels) {
        int[] present = Arrays.stream(labels).distinct().sorted().toArray();
        if (present.length < 2) {
            throw new IllegalArgumentException(family + ": the training data holds a single class ("
                    + Arrays.toString(present) + "); a classifier needs at least two");
        }
        return present;
    }

    /** A data frame of the features plus an integer target column. */
    static DataFrame classificationFrame(double[][] x, int[] labels) {
        return DataFrame.of(x, SmileFeatureSchema.featureNames(x[0].length))
                .merge(IntVector.of(SmileFeatureSchema.TARGET, labels));
    }

    /** A data frame of the features plus a double target column. */
    static DataFrame regressionFrame(double[][] x, double[] y) {
        return DataFrame.of(x, SmileFeatureSchema.featureNames(x[0].length))
                .merge(DoubleVector.of(SmileFeatureSchema.TARGET, y));
    }

    /**
     * Seeds the calling thread's Smile generator. {@link MathEx#setSeed(long)} also updates a
     * static, unsynchronised set of used seeds; the lock keeps our concurrent fits from corrupting
     * it (Smile's own calls from forest worker threads cannot be covered).
     */
    static void seedSmile(long seed) {
        synchronized (MathEx.class) {
            MathEx.setSeed(seed);
        }
    }
}
