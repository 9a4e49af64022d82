package io.autogate.engine.family.smile;

import io.autogate.engine.family.FitParameters;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.smile.SmileVectorClassifierModel;
import io.autogate.runtime.model.smile.SmileVectorRegressionModel;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.MultilayerPerceptron;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.TimeFunction;

/**
 * A small multilayer perceptron ({@link smile.classification.MLP}, {@link smile.regression.MLP}):
 * {@code hidden_layers} fully connected ReLU layers of {@code hidden_units} each, trained by
 * mini-batch SGD with momentum and L2 weight decay for {@code epochs} passes over the data in
 * batches of {@code batch_size}, in an order shuffled every epoch.
 *
 * <p>The output layer is a sigmoid unit with log-likelihood cost for binary tasks, a softmax over
 * the classes for multiclass tasks and a linear unit with squared error for regression. Inputs
 * are expected standardised ({@link #needsScaling()}); the regression target is standardised here
 * and the scaling is stored in the returned model, which undoes it when scoring.
 *
 * <p>Determinism: the initial weights come from Smile's generator on the calling thread, seeded
 * from the trial seed; the batch order comes from a {@link SplittableRandom} of the same seed;
 * training runs on the calling thread. Training checks its thread's interrupt flag before every
 * mini-batch and ends with a {@link CancellationException} when it is set, so a search can stop a
 * fit that overruns its budget. Stateless and thread-safe.
 */
public final class MlpFamily extends SmileFamily {
    private static final String NAME = "mlp";
    private static final Set<String> PARAMETERS = Set.of("hidden_layers", "hidden_units", "learning_rate", "momentum",
            "weight_decay", "epochs", "batch_size");
    /** Rows checked for finite outputs after training. */
    private static final int DIVERGENCE_CHECK_ROWS = 256;

    /** For {@link java.util.ServiceLoader}. */
    public MlpFamily() {
        super(NAME, true, PARAMETERS);
    }

    @Override
    NumericModel fit(TrainingSet data, int p, FitParameters args, long seed) {
        Settings settings = Settings.of(args);
        SplittableRandom random = new SplittableRandom(seed);
        SmileTrainingData.seedSmile(random.nextLong());
        LayerBuilder[] layers = new LayerBuilder[settings.hiddenLayers() + 1];
        for (int l = 0; l < settings.hiddenLayers(); l++) {
            layers[l] = Layer.rectifier(settings.hiddenUnits());
        }
        NumericModel result = data.task().isClassification()
                ? fitClassifier(data, p, layers, settings, random)
                : fitRegressor(data, p, layers, settings, random);
        checkFinite(result, data.x());
        return result;
    }

    /** The training settings read from the parameters. */
    private record Settings(int hiddenLayers, int hiddenUnits, double learningRate, double momentum,
                            double weightDecay, int epochs, int batchSize) {
        static Settings of(FitParameters args) {
            Settings s = new Settings(args.intValue("hidden_layers", 1, 8), args.intValue("hidden_units", 1, 4096),
                    args.doubleAbove("learning_rate", 0, 10), args.doubleValue("momentum", 0, 0.999),
                    args.doubleValue("weight_decay", 0, 0.1), args.intValue("epochs", 1, 100_000),
                    args.intValue("batch_size", 1, Integer.MAX_VALUE));
            if (2 * s.learningRate() * s.weightDecay() > 0.1) {
                throw new IllegalArgumentException(NAME + ": parameters 'learning_rate' (" + s.learningRate()
                        + ") and 'weight_decay' (" + s.weightDecay() + ") shrink weights by more than 10% per step;"
                        + " Smile requires 2 * learning_rate * weight_decay <= 0.1");
            }
            return s;
        }

        void applyTo(MultilayerPerceptron model) {
            model.setLearningRate(TimeFunction.constant(learningRate));
            model.setMomentum(TimeFunction.constant(momentum));
            model.setWeightDecay(weightDecay);
        }
    }

    private static NumericModel fitClassifier(TrainingSet data, int p, LayerBuilder[] layers, Settings settings,
                                              SplittableRandom random) {
        int k = data.numClasses();
        int[] labels = SmileTrainingData.labels(NAME, data);
        SmileTrainingData.presentClasses(NAME, labels);
        layers[layers.length - 1] = k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX);
        MLP model = new MLP(p, layers);
        settings.applyTo(model);
        double[][] x = data.x();
        trainInBatches(x.length, settings, random, rows -> {
            double[][] bx = new double[rows.length][];
            int[] by = new int[rows.length];
            for (int b = 0; b < rows.length; b++) {
                bx[b] = x[rows[b]];
                by[b] = labels[rows[b]];
            }
            model.update(bx, by);
        });
        return new SmileVectorClassifierModel(model, p, IntStream.range(0, k).toArray(), k);
    }

    private static NumericModel fitRegressor(TrainingSet data, int p, LayerBuilder[] layers, Settings settings,
                                             SplittableRandom random) {
        double[][] x = data.x();
        double[] y = data.y();
        int n = x.length;
        double mean = Arrays.stream(y).sum() / n;
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / n);
        double scale = std > 0 ? std : 1;
        layers[layers.length - 1] = Layer.mse(1, OutputFunction.LINEAR);
        smile.regression.MLP model = new smile.regression.MLP(p, layers);
        settings.applyTo(model);
        trainInBatches(n, settings, random, rows -> {
            double[][] bx = new double[rows.length][];
            double[] by = new double[rows.length];
            for (int b = 0; b < rows.length; b++) {
                bx[b] = x[rows[b]];
                by[b] = (y[rows[b]] - mean) / scale;
            }
            model.update(bx, by);
        });
        return new SmileVectorRegressionModel(model, p, mean, scale);
    }

    /** Ends the fit when the search has interrupted its thread (a trial over its time budget). */
    private static void stopIfInterrupted(int epoch) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException(NAME + ": fit interrupted in epoch " + (epoch + 1));
        }
    }

    /**
     * Runs the configured epochs over {@code n} rows: each epoch shuffles the rows and hands them to
     * {@code update} in mini-batches of the configured size, checking for an interrupt before each.
     */
    private static void trainInBatches(int n, Settings settings, SplittableRandom random, Consumer<int[]> update) {
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            int[] order = shuffled(n, random);
            for (int start = 0; start < n; start += settings.batchSize()) {
                stopIfInterrupted(epoch);
                update.accept(Arrays.copyOfRange(order, start, Math.min(start + settings.batchSize(), n)));
            }
        }
    }

    /** A random permutation of {@code 0..n-1} (Fisher-Yates). */
    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Rejects a model whose outputs on (a prefix of) the training rows are not finite: training diverged. */
    private static void checkFinite(NumericModel model, double[][] x) {
        double[][] sample = Arrays.copyOf(x, Math.min(x.length, DIVERGENCE_CHECK_ROWS));
        try {
            for (double[] row : model.score(sample)) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalStateException("non-finite output " + v);
                    }
                }
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException(NAME + ": training diverged (" + e.getMessage()
                    + "); try a lower learning_rate", e);
        }
    }
}
