/**
 * The fit side of the feature pipeline: {@link io.autogate.engine.features.PipelineFitter} learns a
 * {@link io.autogate.runtime.pipeline.FeaturePipeline} from one fold's training rows and returns
 * the training matrix, with target encodings cross-fitted so they do not leak the training target.
 */
package io.autogate.engine.features;
