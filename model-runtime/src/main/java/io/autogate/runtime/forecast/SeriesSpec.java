package io.autogate.runtime.forecast;

import java.util.List;

/**
 * One series of a forecasting artifact: its id, the stamp of its first stored value, the tail of
 * its regularised training history (forecasts "from the end of the training data" start after
 * it), its own weighted members (none when only the artifact's global members forecast it) and
 * the notes of what was done to it (fills, fallbacks, exclusions), and the encoded covariate rows
 * aligned with its history, in the order of {@link ForecastSpec#covariates()} (none without covariates).
 */
public record SeriesSpec(String id, String start, double[] history, List<ForecastMember> members, List<String> notes,
        double[][] covariateHistory) {
    public SeriesSpec {
        members = List.copyOf(members);
        notes = notes == null ? List.of() : List.copyOf(notes);
        covariateHistory = covariateHistory == null ? new double[0][] : covariateHistory;
    }

    /** A series without covariates. */
    public SeriesSpec(String id, String start, double[] history, List<ForecastMember> members, List<String> notes) {
        this(id, start, history, members, notes, new double[0][]);
    }
}
