package io.autogate.runtime.model.smile;

import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.DataFrameRegression;
import smile.regression.Regression;

/**
 * A Smile regressor that scores {@link Tuple}s ({@link smile.regression.RandomForest},
 * {@link smile.regression.GradientTreeBoost}), with the feature schema its formula is bound to.
 *
 * <p>Thread-safety: as for {@link SmileTupleClassifierModel}, the trees are read-only and the
 * formula is bound once to {@code schema} in the compact constructor (also on deserialization);
 * every score call passes that same schema instance, so {@link #score} is safe to call from
 * several threads. The wrapper takes the Smile model over; do not score it elsewhere.
 *
 * @param model  the fitted Smile model; must also be a {@link DataFrameRegression}
 * @param schema the feature schema, as {@link SmileFeatureSchema#features} makes it
 */
public record SmileTupleRegressionModel(Regression<Tuple> model, StructType schema) implements SmileNumericModel {

    private static final long serialVersionUID = 1L;

    public SmileTupleRegressionModel {
        if (!(model instanceof DataFrameRegression framed)) {
            throw new IllegalArgumentException("model must be a Smile DataFrameRegression, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        if (schema == null || !SmileFeatureSchema.isFeatureSchema(schema)) {
            throw new IllegalArgumentException("schema must be a SmileFeatureSchema feature schema, got " + schema);
        }
        SmileFeatureSchema.checkSameFeatures(framed.schema(), schema);
        framed.formula().bind(schema);
        model.predict(Tuple.of(new double[schema.length()], schema));
    }

    @Override
    public int numFeatures() {
        return schema.length();
    }

    @Override
    public int numClasses() {
        return 0;
    }

    @Override
    public double[][] score(double[][] features) {
        FeatureRows.check(features, numFeatures());
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = new double[] {model.predict(Tuple.of(features[i], schema))};
        }
        return out;
    }
}
