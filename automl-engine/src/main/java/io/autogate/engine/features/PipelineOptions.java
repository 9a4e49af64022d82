package io.autogate.engine.features;

/**
 * How a feature pipeline is fitted. Tree pipelines ({@link #forTrees()}) keep raw scales, code
 * low-cardinality categoricals as ordinals and give high-cardinality ones both frequency and target
 * encoding. Scaled pipelines ({@link #forScaled()}, for linear, k-NN and neural models)
 * standardise numeric, datetime and target-encoded outputs, one-hot encode low-cardinality
 * categoricals and target encode high-cardinality ones. A categorical column is low-cardinality
 * when it has at most {@code maxOneHot} distinct training values.
 */
public record PipelineOptions(boolean scale, int maxOneHot) {
    /** The default {@code maxOneHot}. */
    public static final int DEFAULT_MAX_ONE_HOT = 12;

    public PipelineOptions {
        if (maxOneHot < 1) {
            throw new IllegalArgumentException("maxOneHot must be at least 1, got " + maxOneHot);
        }
    }

    /** Options for tree models: no scaling, ordinal low-cardinality categoricals. */
    public static PipelineOptions forTrees() {
        return new PipelineOptions(false, DEFAULT_MAX_ONE_HOT);
    }

    /** Options for scale-sensitive models: standardised outputs, one-hot categoricals. */
    public static PipelineOptions forScaled() {
        return new PipelineOptions(true, DEFAULT_MAX_ONE_HOT);
    }
}
