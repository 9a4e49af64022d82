package io.autogate.engine.search;

import io.autogate.runtime.predict.FittedFold;
import java.util.List;

/**
 * The heavy results of a trial kept only while it is among the best: out-of-fold predictions
 * (rows not validated are {@code null}) and the fitted model of each fold with its pipeline.
 */
public record TrialModels(double[][] outOfFold, List<FittedFold> folds) {
    public TrialModels {
        folds = List.copyOf(folds);
    }
}
