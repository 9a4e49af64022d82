package io.autogate.engine.robustness;

import io.autogate.engine.metrics.PrimaryMetric;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one candidate held up: its out-of-fold (iid) score, its score on each shifted split it was
 * refitted and scored on (split label to primary-metric value, in check order), the mean and worst
 * of those, and its seed spread (single trials only; {@code null} when not measured).
 * Degradation is how much worse a shifted score is than the iid score, in metric units
 * (positive = worse, whatever the metric's direction).
 */
public record RobustnessReport(String candidate, Integer trial, String family, PrimaryMetric metric, double iidScore,
        Map<String, Double> shiftedScores, SeedSpread seedSpread) {
    public RobustnessReport {
        shiftedScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shiftedScores));
    }

    /** Spread over refits with different seeds: of the iid score, of predictions, and of the score on the worst split. */
    public record SeedSpread(int seeds, double iidScoreStd, double predictionStd, String shiftedSplit,
            double shiftedScoreStd) {
    }

    /** How much worse than iid a score is (positive = worse). */
    public double degradation(double score) {
        return metric.loss(score) - metric.loss(iidScore);
    }

    /** The label of the split with the worst score, or {@code null} when there is none. */
    public String worstSplit() {
        return shiftedScores.entrySet().stream()
                .max(java.util.Comparator.comparingDouble((Map.Entry<String, Double> e) -> metric.loss(e.getValue())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The worst shifted score, or the iid score when there is none. */
    public double worstScore() {
        String w = worstSplit();
        return w == null ? iidScore : shiftedScores.get(w);
    }

    /** JSON-ready view. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidate", candidate);
        m.put("trial", trial);
        m.put("family", family);
        m.put("iid", round(iidScore));
        Map<String, Object> scores = new LinkedHashMap<>();
        Map<String, Object> degradations = new LinkedHashMap<>();
        shiftedScores.forEach((k, v) -> {
            scores.put(k, round(v));
            degradations.put(k, round(degradation(v)));
        });
        m.put("shifted", scores);
        m.put("degradation", degradations);
        m.put("worst_split", worstSplit());
        m.put("worst", round(worstScore()));
        m.put("worst_degradation", round(degradation(worstScore())));
        if (seedSpread != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seeds", seedSpread.seeds());
            s.put("iid_score_std", round(seedSpread.iidScoreStd()));
            s.put("prediction_std", round(seedSpread.predictionStd()));
            s.put("shifted_split", seedSpread.shiftedSplit());
            s.put("shifted_score_std", round(seedSpread.shiftedScoreStd()));
            m.put("seed_spread", s);
        }
        return m;
    }

    static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null;
    }
}
