package io.autogate.runtime.model.smile;

import smile.regression.Regression;

/**
 * A Smile regressor over plain feature vectors ({@link smile.regression.MLP}) that was trained on
 * a standardised target: its output is mapped back with {@code targetMean + targetScale * output}.
 *
 * <p>Thread-safety: {@code MLP.predict} keeps its per-layer buffers in {@link ThreadLocal}s
 * (re-created when the model is deserialized) and only reads the weights, so {@link #score} is
 * safe to call from several threads as long as nobody trains the wrapped model further.
 *
 * @param model       the fitted Smile model
 * @param numFeatures length of the feature vectors
 * @param targetMean  mean of the training target
 * @param targetScale standard deviation of the training target (positive)
 */
public record SmileVectorRegressionModel(Regression<double[]> model, int numFeatures, double targetMean, double targetScale)
        implements SmileNumericModel {

    private static final long serialVersionUID = 1L;

    public SmileVectorRegressionModel {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (numFeatures < 1) {
            throw new IllegalArgumentException("numFeatures must be >= 1, got " + numFeatures);
        }
        if (!Double.isFinite(targetMean) || !Double.isFinite(targetScale) || !(targetScale > 0)) {
            throw new IllegalArgumentException("target scaling needs a finite mean and a positive scale, got mean="
                    + targetMean + " scale=" + targetScale);
        }
        model.predict(new double[numFeatures]);
    }

    @Override
    public int numClasses() {
        return 0;
    }

    @Override
    public double[][] score(double[][] features) {
        FeatureRows.check(features, numFeatures);
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = new double[] {targetMean + targetScale * model.predict(features[i])};
        }
        return out;
    }
}
