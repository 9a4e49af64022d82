package io.autogate.engine.forecast;

import io.autogate.runtime.artifact.ModelManifest;
import java.util.List;
import java.util.Map;

/**
 * What a forecasting run produced: the registered manifest, the backtest figures of each family
 * and of the ensemble, the ensemble weights and the rule they came from (with every candidate
 * rule's backtest score), the excluded-member log, the data notes and the wall time.
 */
public record ForecastTrainingResult(ModelManifest manifest, Map<String, Map<String, Double>> backtest,
        Map<String, Double> weights, EnsembleChoice ensembleChoice, List<String> log, List<String> notes, double wallSeconds) {
}
