package io.autogate.engine.search;

import io.autogate.runtime.predict.FittedFold;
import java.util.List;

/** A member of the final model: the trial it comes from, its weight and its fitted folds. */
public record FinalMember(Trial trial, double weight, List<FittedFold> folds) {
    public FinalMember {
        folds = List.copyOf(folds);
    }
}
