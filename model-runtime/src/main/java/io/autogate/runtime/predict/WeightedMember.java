package io.autogate.runtime.predict;

import java.util.List;

/** One ensemble member at prediction time: its weight and the fitted folds averaged within it. */
public record WeightedMember(double weight, List<FittedFold> folds) {
    public WeightedMember {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a member needs at least one fitted fold");
        }
    }
}
