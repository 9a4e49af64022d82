package io.autogate.runtime.model.smile;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.NaiveBayes;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.TimeFunction;
import smile.regression.GradientTreeBoost;
import smile.regression.MLP;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

/** Small Smile models, one per wrapper type, fitted on synthetic data for the runtime tests. */
final class SmileTestModels {
    static final int FEATURES = 3;

    private SmileTestModels() {
    }

    /** Rows of {@link #FEATURES} standard-normal features. */
    static double[][] features(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][FEATURES];
        for (double[] row : x) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    /** Label 2 when x0 + x1 > 0, else 0: a 3-class task in which class 1 never occurs. */
    static int[] labels(double[][] x) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + x[i][1] > 0 ? 2 : 0;
        }
        return y;
    }

    /** A random forest for the 3-class task above (classes 0 and 2 seen). */
    static SmileTupleClassifierModel forest() {
        double[][] x = features(300, 1);
        DataFrame frame = DataFrame.of(x, SmileFeatureSchema.featureNames(FEATURES))
                .merge(IntVector.of(SmileFeatureSchema.TARGET, labels(x)));
        RandomForest forest = RandomForest.fit(Formula.lhs(SmileFeatureSchema.TARGET), frame, 20, 2, SplitRule.GINI,
                10, 64, 5, 1.0, null, LongStream.rangeClosed(2, 21));
        return new SmileTupleClassifierModel(forest, SmileFeatureSchema.features(FEATURES), new int[] {0, 2}, 3);
    }

    /** Gradient tree boosting with least squares on y = 2 x0 - x2. */
    static SmileTupleRegressionModel boosting() {
        double[][] x = features(300, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i][0] - x[i][2];
        }
        DataFrame frame = DataFrame.of(x, SmileFeatureSchema.featureNames(FEATURES))
                .merge(DoubleVector.of(SmileFeatureSchema.TARGET, y));
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs(SmileFeatureSchema.TARGET), frame, Loss.ls(), 30,
                6, 8, 5, 0.1, 0.8);
        return new SmileTupleRegressionModel(model, SmileFeatureSchema.features(FEATURES));
    }

    /** A hand-built Gaussian naive Bayes with two classes. */
    static SmileVectorClassifierModel naiveBayes() {
        Distribution[][] conditional = new Distribution[2][FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            conditional[0][j] = new GaussianDistribution(-1, 1);
            conditional[1][j] = new GaussianDistribution(1, 1.5);
        }
        return new SmileVectorClassifierModel(new NaiveBayes(new double[] {0.4, 0.6}, conditional), FEATURES,
                new int[] {0, 1}, 2);
    }

    /** A regression MLP trained briefly on y = x0 * x1, with a target scaling to undo. */
    static SmileVectorRegressionModel mlp() {
        double[][] x = features(200, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] * x[i][1];
        }
        MLP model = new MLP(FEATURES, Layer.rectifier(8), Layer.mse(1, OutputFunction.LINEAR));
        model.setLearningRate(TimeFunction.constant(0.05));
        for (int epoch = 0; epoch < 5; epoch++) {
            model.update(x, y);
        }
        return new SmileVectorRegressionModel(model, FEATURES, 10.0, 3.0);
    }
}
