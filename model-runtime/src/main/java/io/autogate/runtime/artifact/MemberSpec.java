package io.autogate.runtime.artifact;

import java.util.List;
import java.util.Map;

/**
 * One member of the final model: a family with its parameters and seed, its ensemble weight and
 * the fitted (pipeline, model) pairs whose outputs are averaged (one per cross-validation fold,
 * or a single refit).
 */
public record MemberSpec(String family, Map<String, Object> params, long seed, double weight, List<FoldSpec> folds) {
    public MemberSpec {
        params = Map.copyOf(params);
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a member needs at least one fitted model");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("member weight must be positive");
        }
    }
}
