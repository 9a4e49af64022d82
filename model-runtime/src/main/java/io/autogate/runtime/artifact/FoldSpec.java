package io.autogate.runtime.artifact;

import io.autogate.runtime.pipeline.FeaturePipeline;
import java.util.Objects;

/**
 * One fitted model of a member together with the pipeline that feeds it: the file (relative to
 * the version folder) and the {@link io.autogate.runtime.model.ModelFormat} id that reads it.
 */
public record FoldSpec(FeaturePipeline pipeline, String file, String format) {
    public FoldSpec {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}
