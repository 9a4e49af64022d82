package io.autogate.runtime.model;

/**
 * A fitted model over numeric feature vectors, as produced by one model family. It knows
 * nothing about raw columns: the {@link io.autogate.runtime.pipeline.FeaturePipeline} in front of
 * it turns rows into the vectors it was trained on.
 *
 * <p>Output contract: for classification, one row of class probabilities per input row, in
 * class-index order (index {@code i} is {@code Schema.classes().get(i)}), each row summing to 1;
 * for regression, one row holding the single predicted value.
 *
 * <p>Implementations are safe for concurrent calls to {@link #score}.
 */
public interface NumericModel {
    /** Scores a batch of feature vectors; see the class comment for the output shape. */
    double[][] score(double[][] features);

    /** The id of the {@link ModelFormat} that writes and reads this model. */
    String formatId();
}
