package io.autogate.runtime.model.tribuo;

import io.autogate.runtime.model.xgboost.CompiledVerification;
import io.autogate.runtime.model.xgboost.CompiledXGBoost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A Tribuo classifier whose labels are class indices written as strings ({@code "0"},
 * {@code "1"}, ...). {@link #score} returns one probability row per input in class-index order:
 * the model's output scores, with negative scores clamped to zero and the row normalised to sum
 * to 1, so vote counts (k-NN, tree ensembles) become proportions. A class the model never saw in
 * training gets probability 0.
 *
 * <p>An XGBoost model is compiled to Java at construction ({@link CompiledXGBoost}) and scored
 * without native calls once {@link CompiledVerification} has shown that the compiled form gives
 * the same probabilities as Tribuo; otherwise, and for every other model, Tribuo scores.
 *
 * <p>Thread-safe: scoring only reads the wrapped model, and the Tribuo models used here (XGBoost,
 * LibLinear, CART, ensembles, single-threaded k-NN) predict without shared mutable state.
 */
public final class TribuoClassifier implements TribuoModel {
    private final Model<Label> model;
    private final int numClasses;
    private final TribuoExamples examples;
    private final Map<String, Integer> classOfLabel;
    private final int[] classOfOutputId;
    /** The verified compiled form of an XGBoost model, or null to score with Tribuo. */
    private final CompiledXGBoost compiled;

    /**
     * Wraps a trained classifier.
     *
     * @param model        a Tribuo model over class-index labels
     * @param numClasses   number of classes of the task (at least 2)
     * @param featureNames names of the feature-vector positions; must cover the model's features
     * @throws IllegalArgumentException if a label is not a class index below {@code numClasses} or
     *                                  the model uses a feature not in {@code featureNames}
     */
    public TribuoClassifier(Model<Label> model, int numClasses, List<String> featureNames) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
        }
        this.model = model;
        this.numClasses = numClasses;
        this.examples = new TribuoExamples(featureNames);
        this.classOfLabel = new HashMap<>();
        for (Label label : model.getOutputIDInfo().getDomain()) {
            classOfLabel.put(label.getLabel(), classIndex(label.getLabel(), numClasses));
        }
        examples.requireCovers(model);
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        this.classOfOutputId = new int[outputs.size()];
        for (int id = 0; id < classOfOutputId.length; id++) {
            classOfOutputId[id] = classOfLabel.get(outputs.getOutput(id).getLabel());
        }
        this.compiled = CompiledVerification.compileVerified(model, featureNames, outputs.size(), this::scoreWithTribuo,
                trees -> rows -> scoreCompiled(trees, rows)).orElse(null);
    }

    private static int classIndex(String label, int numClasses) {
        int index;
        try {
            index = Integer.parseInt(label);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("label '" + label + "' is not a class index");
        }
        if (index < 0 || index >= numClasses) {
            throw new IllegalArgumentException("label '" + label + "' is outside 0.." + (numClasses - 1));
        }
        return index;
    }

    /** Number of classes of the task. */
    public int numClasses() {
        return numClasses;
    }

    @Override
    public Model<Label> tribuoModel() {
        return model;
    }

    @Override
    public List<String> featureNames() {
        return examples.featureNames();
    }

    /** Whether scoring runs on the verified compiled form of an XGBoost model instead of Tribuo. */
    public boolean usesCompiledTrees() {
        return compiled != null;
    }

    @Override
    public double[][] score(double[][] features) {
        if (features.length == 0) {
            return new double[0][];
        }
        return compiled != null ? scoreCompiled(compiled, features) : scoreWithTribuo(features);
    }

    private double[][] scoreCompiled(CompiledXGBoost trees, double[][] features) {
        double[][] out = new double[features.length][];
        for (int i = 0; i < out.length; i++) {
            examples.requireValid(features[i], i);
            out[i] = probabilities(trees.predict(features[i]));
        }
        return out;
    }

    // The same clamping and normalisation as for a Tribuo prediction, whose scores come in output-id order.
    private double[] probabilities(double[] scoreOfOutputId) {
        double[] row = new double[numClasses];
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int predicted = 0;
        for (int id = 0; id < scoreOfOutputId.length; id++) {
            double s = scoreOfOutputId[id];
            if (s > max) {
                max = s;
                predicted = id;
            }
            if (s > 0 && Double.isFinite(s)) {
                row[classOfOutputId[id]] = s;
                sum += s;
            }
        }
        return normalised(row, sum, classOfOutputId[predicted]);
    }

    private double[][] scoreWithTribuo(double[][] features) {
        double[][] out = new double[features.length][];
        List<Prediction<Label>> predictions = model.predict(examples.of(features, i -> LabelFactory.UNKNOWN_LABEL));
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities(predictions.get(i));
        }
        return out;
    }

    private double[] probabilities(Prediction<Label> prediction) {
        double[] row = new double[numClasses];
        double sum = 0;
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            double s = e.getValue().getScore();
            if (s > 0 && Double.isFinite(s)) {
                row[classOfLabel.get(e.getKey())] = s;
                sum += s;
            }
        }
        return normalised(row, sum, classOfLabel.get(prediction.getOutput().getLabel()));
    }

    private double[] normalised(double[] row, double sum, int predictedClass) {
        if (sum > 0) {
            for (int c = 0; c < numClasses; c++) {
                row[c] /= sum;
            }
        } else {
            // No usable scores: fall back to the predicted class.
            row[predictedClass] = 1.0;
        }
        return row;
    }

    @Override
    public String toString() {
        return "TribuoClassifier[" + model.getClass().getSimpleName() + ", " + numClasses + " classes, "
                + examples.featureNames().size() + " features" + (compiled != null ? ", compiled" : "") + "]";
    }
}
