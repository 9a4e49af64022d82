package io.autogate.engine.family;

import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.util.Map;

/**
 * A kind of model the search can try (XGBoost, random forest, k-NN ...): the trainer side of a
 * {@link NumericModel}. Its search space and starting portfolio live in
 * {@code search-spaces/<name>.yaml}; the adapter only maps parameters onto its library.
 * Families are found with {@link java.util.ServiceLoader}. Implementations are stateless and
 * thread-safe: several trials fit concurrently.
 */
public interface ModelFamily {
    /** Stable name, equal to the search-space file's base name, e.g. {@code xgboost}. */
    String name();

    /** Whether the family can learn this task. */
    boolean supports(TaskType task);

    /** Whether inputs should be standardised and one-hot encoded (linear, k-NN, MLP). */
    boolean needsScaling();

    /**
     * Fits a model. {@code params} holds every active parameter of the family's search space
     * (defaults filled in), numbers as {@link Number}, choices as {@link String} or
     * {@link Boolean}. Every random choice derives from {@code seed}.
     *
     * @throws RuntimeException when the library fails; the search logs it and moves on
     */
    NumericModel fit(TrainingSet data, Map<String, Object> params, long seed);
}
