package io.autogate.runtime.predict;

import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.pipeline.FeaturePipeline;

/** A fitted model and the pipeline that produces its inputs. */
public record FittedFold(FeaturePipeline pipeline, NumericModel model) {
}
