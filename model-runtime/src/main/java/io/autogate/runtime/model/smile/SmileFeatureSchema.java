package io.autogate.runtime.model.smile;

import java.util.stream.IntStream;
import smile.data.type.DataType;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

/**
 * The column names Smile sees for a numeric feature matrix: features are {@code x0 .. x(p-1)}
 * and the target is {@code y}. Training (which builds a {@link smile.data.DataFrame}) and scoring
 * (which builds {@link smile.data.Tuple}s) must agree on them, so both take them from here.
 */
public final class SmileFeatureSchema {
    /** Name of the target column in training data frames. */
    public static final String TARGET = "y";

    private SmileFeatureSchema() {
    }

    /** The name of feature {@code index}. */
    public static String featureName(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("feature index must be >= 0, got " + index);
        }
        return "x" + index;
    }

    /** The names of {@code numFeatures} features, in order. */
    public static String[] featureNames(int numFeatures) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("a model needs at least one feature, got " + numFeatures);
        }
        return IntStream.range(0, numFeatures).mapToObj(SmileFeatureSchema::featureName).toArray(String[]::new);
    }

    /** A schema of {@code numFeatures} double columns, without the target. */
    public static StructType features(int numFeatures) {
        StructField[] fields = new StructField[numFeatures];
        String[] names = featureNames(numFeatures);
        for (int j = 0; j < numFeatures; j++) {
            fields[j] = new StructField(names[j], DataTypes.DoubleType);
        }
        return DataTypes.struct(fields);
    }

    /** True if {@code schema} is exactly {@code numFeatures} double columns named as {@link #features} names them. */
    static boolean isFeatureSchema(StructType schema) {
        StructField[] fields = schema.fields();
        if (fields.length == 0) {
            return false;
        }
        for (int j = 0; j < fields.length; j++) {
            if (!fields[j].name.equals(featureName(j)) || fields[j].type.id() != DataType.ID.Double) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws {@link IllegalArgumentException} unless the model was trained on exactly the features
     * of {@code schema} (same names, same order).
     */
    static void checkSameFeatures(StructType trained, StructType schema) {
        StructField[] a = trained.fields();
        StructField[] b = schema.fields();
        boolean same = a.length == b.length;
        for (int j = 0; same && j < a.length; j++) {
            same = a[j].name.equals(b[j].name);
        }
        if (!same) {
            throw new IllegalArgumentException("the Smile model was trained on " + a.length + " features "
                    + trained + ", not on " + b.length + " features " + schema);
        }
    }
}
