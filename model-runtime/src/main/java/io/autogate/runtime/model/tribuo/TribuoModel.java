package io.autogate.runtime.model.tribuo;

import io.autogate.runtime.model.NumericModel;
import java.util.List;
import org.tribuo.Model;

/**
 * A {@link NumericModel} backed by a trained Tribuo {@link Model}: a classifier over class-index
 * labels or a single-output regressor. Written and read by {@link TribuoProtobufFormat}.
 */
public sealed interface TribuoModel extends NumericModel permits TribuoClassifier, TribuoRegressor {
    /** The wrapped Tribuo model; callers must not change it. */
    Model<?> tribuoModel();

    /** Names of the feature-vector positions, in the order {@link #score} expects them. */
    List<String> featureNames();

    @Override
    default String formatId() {
        return TribuoProtobufFormat.ID;
    }
}
