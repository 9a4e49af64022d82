package io.autogate.runtime.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SeriesRegularizer} did to one series: rows merged into an earlier row with the same
 * stamp (averaged), stamps off the grid moved to the nearest grid point, grid points with no row
 * (filled), and missing values (imputed); both filled and imputed points are linearly interpolated.
 */
public record RegularizationReport(int duplicatesAggregated, int offGridSnapped, int gapsFilled, int missingImputed) {
    /** One line per rule that fired, naming the series, or nothing for a clean series. */
    public List<String> notes(String seriesId) {
        String who = seriesId.isEmpty() ? "" : "series " + seriesId + ": ";
        List<String> notes = new ArrayList<>();
        if (duplicatesAggregated > 0) {
            notes.add(who + duplicatesAggregated + " duplicate timestamp row(s) averaged into one");
        }
        if (offGridSnapped > 0) {
            notes.add(who + offGridSnapped + " irregular timestamp(s) moved to the nearest grid point");
        }
        if (gapsFilled > 0) {
            notes.add(who + gapsFilled + " missing time step(s) filled by linear interpolation");
        }
        if (missingImputed > 0) {
            notes.add(who + missingImputed + " missing value(s) imputed by linear interpolation");
        }
        return notes;
    }
}
