package io.autogate.engine.family.smile;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.smile.SmileVectorClassifierModel;
import io.autogate.runtime.schema.TaskType;
import java.util.Set;
import smile.classification.NaiveBayes;
import smile.stat.distribution.Distribution;
import smile.stat.distribution.GaussianDistribution;

/**
 * Gaussian naive Bayes ({@link smile.classification.NaiveBayes} over per-class, per-feature
 * {@link GaussianDistribution}s), classification only.
 *
 * <p>Each class's prior is its share of the training rows; each feature's distribution within a
 * class has the class mean and the class variance plus a floor of {@code var_smoothing} times the
 * largest variance of any feature over all rows (the same smoothing as scikit-learn's
 * {@code GaussianNB}), so constant features do not produce zero variances. Classes absent from the
 * training data score probability 0. Deterministic (no randomness); stateless and thread-safe.
 */
public final class NaiveBayesFamily extends SmileFamily {
    private static final String NAME = "naive_bayes";
    private static final Set<String> PARAMETERS = Set.of("var_smoothing");
    /** Smallest variance used even when the smoothing floor is 0 (all features constant). */
    private static final double MIN_VARIANCE = 1e-12;

    /** For {@link java.util.ServiceLoader}. */
    public NaiveBayesFamily() {
        super(NAME, false, PARAMETERS);
    }

    @Override
    public boolean supports(TaskType task) {
        return task != null && task.isClassification();
    }

    @Override
    NumericModel fit(TrainingSet data, int p, FitParameters args, long seed) {
        if (!data.task().isClassification()) {
            throw new IllegalArgumentException(NAME + ": supports classification only, got " + data.task().id());
        }
        double varSmoothing = args.doubleValue("var_smoothing", 0, 1);
        int[] labels = SmileTrainingData.labels(NAME, data);
        int[] present = SmileTrainingData.presentClasses(NAME, labels);
        double[][] x = data.x();
        int n = x.length;

        int[] position = new int[data.numClasses()];
        for (int c = 0; c < present.length; c++) {
            position[present[c]] = c;
        }
        int k = present.length;
        double[] count = new double[k];
        double[][] sum = new double[k][p];
        double[] total = new double[p];
        for (int i = 0; i < n; i++) {
            int c = position[labels[i]];
            count[c]++;
            for (int j = 0; j < p; j++) {
                sum[c][j] += x[i][j];
                total[j] += x[i][j];
            }
        }
        double[][] mean = new double[k][p];
        double[] overallMean = new double[p];
        for (int j = 0; j < p; j++) {
            overallMean[j] = total[j] / n;
            for (int c = 0; c < k; c++) {
                mean[c][j] = sum[c][j] / count[c];
            }
        }
        double[][] squares = new double[k][p];
        double[] overallSquares = new double[p];
        for (int i = 0; i < n; i++) {
            int c = position[labels[i]];
            for (int j = 0; j < p; j++) {
                double d = x[i][j] - mean[c][j];
                squares[c][j] += d * d;
                double o = x[i][j] - overallMean[j];
                overallSquares[j] += o * o;
            }
        }
        double maxVariance = 0;
        for (int j = 0; j < p; j++) {
            maxVariance = Math.max(maxVariance, overallSquares[j] / n);
        }
        double floor = varSmoothing * maxVariance;

        double[] priori = new double[k];
        Distribution[][] conditional = new Distribution[k][p];
        for (int c = 0; c < k; c++) {
            priori[c] = count[c] / n;
            for (int j = 0; j < p; j++) {
                double variance = Math.max(squares[c][j] / count[c] + floor, MIN_VARIANCE);
                conditional[c][j] = new GaussianDistribution(mean[c][j], Math.sqrt(variance));
            }
        }
        NaiveBayes model = new NaiveBayes(priori, conditional);
        return new SmileVectorClassifierModel(model, p, present, data.numClasses());
    }
}
