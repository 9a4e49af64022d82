package io.autogate.engine.validation;

import java.util.List;

/**
 * How candidates are validated: the row indices each fold trains and validates on. With k-fold
 * cross-validation every row is validated exactly once; with a holdout only the held-out rows are.
 * Deterministic from the seed it was made with.
 */
public record FoldPlan(List<Fold> folds, boolean holdout) {
    public FoldPlan {
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one fold");
        }
    }

    /** One train/validation split, as row indices into the dataset. */
    public record Fold(int[] train, int[] valid) {
    }

    /** A short description such as "5-fold stratified CV" or "holdout 20%". */
    public String describe(boolean stratified) {
        if (holdout) {
            return "holdout " + Math.round(100.0 * folds.get(0).valid().length
                    / (folds.get(0).valid().length + folds.get(0).train().length)) + "%";
        }
        return folds.size() + "-fold " + (stratified ? "stratified " : "") + "CV";
    }
}
