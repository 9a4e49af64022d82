package io.autogate.engine.features;

import io.autogate.runtime.pipeline.ColumnTransform;

/**
 * A fitted transform and, for target encodings, its cross-fitted training outputs
 * ({@code crossFitted[output][row]}); {@code null} means the training outputs are the transform
 * applied to the training rows.
 */
record FittedColumn(ColumnTransform transform, double[][] crossFitted) {
    /** A column whose training outputs are the transform's own. */
    static FittedColumn applied(ColumnTransform transform) {
        return new FittedColumn(transform, null);
    }
}
