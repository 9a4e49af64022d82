package io.autogate.runtime.model.smile;

import java.util.Arrays;
import smile.classification.DataFrameClassifier;
import smile.classification.SoftClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A Smile classifier that scores {@link Tuple}s ({@link smile.classification.RandomForest},
 * {@link smile.classification.GradientTreeBoost}), with what it takes to score a {@code double[][]}:
 * the feature schema its formula is bound to and the mapping from its class positions to class
 * indices.
 *
 * <p>{@code classIndices[j]} is the class index of the model's {@code j}-th class. Smile numbers
 * the classes it saw in training in increasing label order, so when a training split lacks a class
 * the model has fewer positions than {@code numClasses}; that class then scores probability 0.
 *
 * <p>Thread-safety: the trees are read-only after fitting. The only mutable state Smile keeps is
 * the formula's binding to a schema, which it rebuilds whenever it is handed a schema instance
 * other than the last one. The compact constructor binds the formula to {@code schema} (on
 * deserialization too) and every score call passes that same instance, so concurrent calls only
 * read it; {@link #score} is therefore safe to call from several threads. The wrapper takes
 * the Smile model over: scoring the same Smile model elsewhere with other schema instances would
 * rebind it and break this guarantee.
 *
 * @param model        the fitted Smile model; must also be a {@link DataFrameClassifier}
 * @param schema       the feature schema, as {@link SmileFeatureSchema#features} makes it
 * @param classIndices class index of each model class position, increasing
 * @param numClasses   number of classes of the task
 */
public record SmileTupleClassifierModel(SoftClassifier<Tuple> model, StructType schema, int[] classIndices, int numClasses)
        implements SmileNumericModel {

    private static final long serialVersionUID = 1L;

    public SmileTupleClassifierModel {
        if (!(model instanceof DataFrameClassifier framed)) {
            throw new IllegalArgumentException("model must be a Smile DataFrameClassifier, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        if (schema == null || !SmileFeatureSchema.isFeatureSchema(schema)) {
            throw new IllegalArgumentException("schema must be a SmileFeatureSchema feature schema, got " + schema);
        }
        classIndices = FeatureRows.checkClassIndices(classIndices, numClasses);
        SmileFeatureSchema.checkSameFeatures(framed.schema(), schema);
        framed.formula().bind(schema);
        // Fails fast (IllegalArgumentException from Smile) when the model has a different number of classes.
        model.predict(Tuple.of(new double[schema.length()], schema), new double[classIndices.length]);
    }

    @Override
    public int numFeatures() {
        return schema.length();
    }

    /** The class-index mapping (a copy). */
    @Override
    public int[] classIndices() {
        return classIndices.clone();
    }

    @Override
    public double[][] score(double[][] features) {
        FeatureRows.check(features, numFeatures());
        double[][] out = new double[features.length][];
        double[] posterior = new double[classIndices.length];
        for (int i = 0; i < features.length; i++) {
            Arrays.fill(posterior, 0);
            model.predict(Tuple.of(features[i], schema), posterior);
            out[i] = FeatureRows.spread(posterior, classIndices, numClasses);
        }
        return out;
    }
}
