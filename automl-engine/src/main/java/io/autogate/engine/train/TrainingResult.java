package io.autogate.engine.train;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.search.SearchOutcome;
import io.autogate.runtime.artifact.ModelManifest;

/** A finished training: the registered manifest, the search outcome, the data and the run's wall time. */
public record TrainingResult(ModelManifest manifest, SearchOutcome outcome, Dataset dataset, double wallSeconds) {
}
