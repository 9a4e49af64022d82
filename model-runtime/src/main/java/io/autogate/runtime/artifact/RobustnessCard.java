package io.autogate.runtime.artifact;

import java.util.List;
import java.util.Map;

/**
 * The robustness card of a model version: how its candidates scored when the data shifted.
 * {@code policy} is the selection policy that chose the model ({@code iid}, {@code robust} or
 * {@code balanced}), {@code chosen} the chosen candidate ({@code ensemble} or {@code trial N}),
 * {@code metric} the primary metric, {@code summary} a plain-language sentence for people
 * ("when the region changes, auc drops from 0.91 to 0.84"), {@code splits} one JSON-ready map
 * per shifted split (kind, label, why, row counts, held-out rows, shift magnitude) and
 * {@code candidates} one map per checked candidate (iid score, score per split, degradation,
 * worst case, seed spread). Optional in the manifest: versions trained before it existed have none.
 */
public record RobustnessCard(
        String policy,
        String chosen,
        String metric,
        String summary,
        List<Map<String, Object>> splits,
        List<Map<String, Object>> candidates) {
    public RobustnessCard {
        splits = splits == null ? List.of() : List.copyOf(splits);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
