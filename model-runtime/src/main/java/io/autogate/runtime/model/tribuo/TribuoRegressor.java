package io.autogate.runtime.model.tribuo;

import io.autogate.runtime.model.xgboost.CompiledVerification;
import io.autogate.runtime.model.xgboost.CompiledXGBoost;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo regressor with a single output dimension. {@link #score} returns one single-value row
 * per input: the model's output mapped back through the {@link TargetScaling} recorded in the
 * model's provenance (identity when none is).
 *
 * <p>An XGBoost model is compiled to Java at construction ({@link CompiledXGBoost}) and scored
 * without native calls once {@link CompiledVerification} has shown that the compiled form gives
 * the same values as Tribuo; otherwise, and for every other model, Tribuo scores.
 *
 * <p>Thread-safe: scoring only reads the wrapped model, and the Tribuo models used here (XGBoost,
 * LibLinear, CART, ensembles, single-threaded k-NN) predict without shared mutable state.
 */
public final class TribuoRegressor implements TribuoModel {
    private final Model<Regressor> model;
    private final TribuoExamples examples;
    private final TargetScaling scaling;
    /** The verified compiled form of an XGBoost model, or null to score with Tribuo. */
    private final CompiledXGBoost compiled;

    /**
     * Wraps a trained regressor.
     *
     * @param model        a Tribuo model with one output dimension
     * @param featureNames names of the feature-vector positions; must cover the model's features
     * @throws IllegalArgumentException if the model has several output dimensions or uses a
     *                                  feature not in {@code featureNames}
     */
    public TribuoRegressor(Model<Regressor> model, List<String> featureNames) {
        if (model.getOutputIDInfo().size() != 1) {
            throw new IllegalArgumentException("expected a single-output regressor, the model has "
                    + model.getOutputIDInfo().size() + " output dimensions");
        }
        this.model = model;
        this.examples = new TribuoExamples(featureNames);
        this.scaling = TargetScaling.of(model);
        examples.requireCovers(model);
        this.compiled = CompiledVerification.compileVerified(model, featureNames, 1, this::scoreWithTribuo,
                trees -> rows -> scoreCompiled(trees, rows)).orElse(null);
    }

    /** How model outputs map back to the target. */
    public TargetScaling scaling() {
        return scaling;
    }

    @Override
    public Model<Regressor> tribuoModel() {
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
            out[i] = new double[] {scaling.fromModel(trees.predict(features[i])[0])};
        }
        return out;
    }

    private double[][] scoreWithTribuo(double[][] features) {
        double[][] out = new double[features.length][];
        List<Prediction<Regressor>> predictions =
                model.predict(examples.of(features, i -> RegressionFactory.UNKNOWN_REGRESSOR));
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {scaling.fromModel(predictions.get(i).getOutput().getValues()[0])};
        }
        return out;
    }

    @Override
    public String toString() {
        return "TribuoRegressor[" + model.getClass().getSimpleName() + ", " + examples.featureNames().size()
                + " features" + (compiled != null ? ", compiled" : "") + "]";
    }
}
