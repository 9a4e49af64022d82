package io.autogate.runtime.model.smile;

import java.util.Arrays;
import smile.classification.SoftClassifier;

/**
 * A Smile classifier over plain feature vectors ({@link smile.classification.NaiveBayes},
 * {@link smile.classification.MLP}) and the mapping from its class positions to class indices.
 *
 * <p>{@code classIndices[j]} is the class index of the model's {@code j}-th class; classes the
 * model does not know score probability 0.
 *
 * <p>Thread-safety: {@code NaiveBayes.predict} only reads its fitted distributions, and
 * {@code MLP.predict} keeps its per-layer buffers in {@link ThreadLocal}s (re-created when the
 * model is deserialized), so {@link #score} is safe to call from several threads as long as
 * nobody trains the wrapped model further, which this type never does.
 *
 * @param model        the fitted Smile model
 * @param numFeatures  length of the feature vectors
 * @param classIndices class index of each model class position, increasing
 * @param numClasses   number of classes of the task
 */
public record SmileVectorClassifierModel(SoftClassifier<double[]> model, int numFeatures, int[] classIndices, int numClasses)
        implements SmileNumericModel {

    private static final long serialVersionUID = 1L;

    public SmileVectorClassifierModel {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (numFeatures < 1) {
            throw new IllegalArgumentException("numFeatures must be >= 1, got " + numFeatures);
        }
        classIndices = FeatureRows.checkClassIndices(classIndices, numClasses);
        model.predict(new double[numFeatures], new double[classIndices.length]);
    }

    /** The class-index mapping (a copy). */
    @Override
    public int[] classIndices() {
        return classIndices.clone();
    }

    @Override
    public double[][] score(double[][] features) {
        FeatureRows.check(features, numFeatures);
        double[][] out = new double[features.length][];
        double[] posterior = new double[classIndices.length];
        for (int i = 0; i < features.length; i++) {
            Arrays.fill(posterior, 0);
            model.predict(features[i], posterior);
            out[i] = FeatureRows.spread(posterior, classIndices, numClasses);
        }
        return out;
    }
}
