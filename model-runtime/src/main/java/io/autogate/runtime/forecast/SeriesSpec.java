package io.autogate.runtime.forecast;

import java.util.List;

/**
 * One series of a forecasting artifact: its id, the stamp of its first stored value, the tail of
 * its regularised training history (forecasts "from the end of the training data" start after
 * it), its own weighted members (none when only the artifact's global members forecast it) and
 * the notes of what was done to it (fills, fallbacks, exclusions).
 */
public record SeriesSpec(String id, String start, double[] history, List<ForecastMember> members, List<String> notes) {
    public SeriesSpec {
        members = List.copyOf(members);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
