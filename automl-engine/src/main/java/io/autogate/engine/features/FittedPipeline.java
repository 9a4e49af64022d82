package io.autogate.engine.features;

import io.autogate.runtime.pipeline.FeaturePipeline;
import java.util.Objects;

/**
 * A fitted pipeline and the feature matrix of the rows it was fitted on ({@code trainFeatures[i]}
 * belongs to row {@code i}). The matrix equals {@code pipeline.transform(rows)} except in
 * target-encoded outputs, which hold out-of-fold encodings so a model does not learn from a
 * row's own target. The matrix is not copied; callers must not modify it.
 */
public record FittedPipeline(FeaturePipeline pipeline, double[][] trainFeatures) {
    public FittedPipeline {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(trainFeatures, "trainFeatures");
    }
}
