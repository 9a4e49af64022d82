/**
 * The fitted feature pipeline: the apply side of preprocessing, turning raw {@link
 * io.autogate.runtime.schema.Row}s into the numeric vectors models are trained on. The same
 * {@link io.autogate.runtime.pipeline.FeaturePipeline} runs at training and prediction time and
 * travels inside the model artifact as JSON; the fit side lives in the engine's
 * {@code io.autogate.engine.features} package.
 */
package io.autogate.runtime.pipeline;
