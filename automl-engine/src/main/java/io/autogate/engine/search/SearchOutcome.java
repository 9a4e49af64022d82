package io.autogate.engine.search;

import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.runtime.predict.EnsemblePredictor;
import io.autogate.runtime.predict.WeightedMember;
import io.autogate.runtime.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * The result of a search: every trial in the order run, the final model's members (one for a
 * single model, several for a Caruana ensemble), its out-of-fold metrics, the primary metric,
 * the validation plan in words, the search's wall time and, when robustness checks ran, what
 * they found and chose ({@code null} otherwise), and how the final model was fitted, in words
 * ({@link FullDataRefit}), and the final model's insight card (feature importance and confusion
 * matrix or predicted-vs-actual sample from out-of-fold predictions; {@code null} when none was built).
 */
public record SearchOutcome(
        List<Trial> trials,
        List<FinalMember> members,
        Map<String, Double> metrics,
        PrimaryMetric metric,
        String validation,
        double wallSeconds,
        io.autogate.engine.robustness.RobustnessOutcome robustness,
        String finalFit,
        io.autogate.runtime.artifact.InsightCard insights) {
    public SearchOutcome {
        trials = List.copyOf(trials);
        members = List.copyOf(members);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** Whether the final model is an ensemble of several trials. */
    public boolean isEnsemble() {
        return members.size() > 1;
    }

    /** The in-memory predictor of the final model, the same code the registry loads into. */
    public EnsemblePredictor predictor(Schema schema) {
        return new EnsemblePredictor(schema, members.stream()
                .map(m -> new WeightedMember(m.weight(), m.folds())).toList());
    }

    /** The final model in a few words, e.g. {@code xgboost} or {@code ensemble(linear 0.50, gbt 0.50)}. */
    public String describeModel() {
        if (!isEnsemble()) {
            return members.get(0).trial().candidate().family();
        }
        return members.stream()
                .map(m -> String.format(java.util.Locale.ROOT, "%s %.2f", m.trial().candidate().family(), m.weight()))
                .collect(java.util.stream.Collectors.joining(", ", "ensemble(", ")"));
    }

    /** The primary metric's value for the final model. */
    public double score() {
        return metrics.get(metric.id());
    }
}
