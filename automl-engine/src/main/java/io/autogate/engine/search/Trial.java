package io.autogate.engine.search;

import java.util.Map;

/**
 * What was tried and what came of it: the candidate, its status, validation metrics (out of
 * fold, in the task's order with the primary metric first), the primary loss (lower is better; infinite unless OK), total fit seconds across folds,
 * prediction time per row in microseconds and, for a failure, the error.
 */
public record Trial(
        int id,
        Candidate candidate,
        TrialStatus status,
        Map<String, Double> metrics,
        double loss,
        double fitSeconds,
        double predictMicrosPerRow,
        String error) {
    public Trial {
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** Whether the trial ran on all rows of every fold and finished. */
    public boolean isFullFidelityOk() {
        return status == TrialStatus.OK && candidate.fraction() >= 1.0;
    }
}
