package io.autogate.engine.search;

import io.autogate.runtime.pipeline.FeaturePipeline;

/**
 * One fold prepared for one pipeline variant: the pipeline fitted on the fold's training rows,
 * the training matrix and targets, and the validation matrix with the validation rows' indices
 * into the dataset.
 */
public record FoldData(FeaturePipeline pipeline, double[][] trainX, double[] trainY, double[][] validX, int[] validRows) {
}
