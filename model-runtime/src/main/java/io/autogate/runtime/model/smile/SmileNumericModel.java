package io.autogate.runtime.model.smile;

import io.autogate.runtime.model.NumericModel;
import java.io.Serializable;

/**
 * A {@link NumericModel} backed by a fitted Smile model, written and read by {@link
 * SmileSerializedFormat}. The variants are closed: the format's deserialization filter admits
 * exactly these wrapper classes.
 *
 * <p>All variants are immutable and safe for concurrent calls to {@link #score}; each says in its
 * own Javadoc why the Smile model behind it is.
 */
public sealed interface SmileNumericModel extends NumericModel, Serializable
        permits SmileTupleClassifierModel, SmileTupleRegressionModel, SmileVectorClassifierModel,
                SmileVectorRegressionModel {

    /** The id of {@link SmileSerializedFormat}. */
    String FORMAT_ID = "smile-serialized";

    /** Length of the feature vectors the model scores. */
    int numFeatures();

    /** Number of classes for a classifier, 0 for a regressor. */
    int numClasses();

    @Override
    default String formatId() {
        return FORMAT_ID;
    }
}
