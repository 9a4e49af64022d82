package io.autogate.runtime.forecast;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts covariate values on a series' regular grid, the same at training and at prediction time:
 * the history's values are encoded ({@link Covariate#encode}) and regularised with the target's
 * stamps (so on the target's grid) by the covariate's {@link Covariate#fill() fill rule}; the
 * future values of the known covariates are appended, one per forecast step, and a step without
 * one is an error naming the covariate and the first timestamp missing.
 */
public final class CovariateGrid {
    private CovariateGrid() {
    }

    /** The encoded rows on the grid and, per covariate, how many missing values were imputed. */
    public record Result(double[][] rows, int[] imputed) {
    }

    /**
     * The covariates of a history on its grid.
     *
     * @param raw per covariate name, its text per row, aligned with {@code stamps} ({@code null} = missing)
     * @throws IllegalArgumentException when a covariate is absent, has no value, or a value does not encode
     */
    public static Result onGrid(String seriesId, List<Covariate> covariates, List<LocalDateTime> stamps,
            Map<String, List<String>> raw, Frequency frequency) {
        double[][] rows = new double[covariates.size()][];
        int[] imputed = new int[covariates.size()];
        String who = seriesId.isEmpty() ? "" : "series " + seriesId + ": ";
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            List<String> text = raw.get(cov.name());
            if (text == null) {
                throw new IllegalArgumentException(who + "the history has no values of covariate '" + cov.name() + "'");
            }
            double[] encoded = new double[stamps.size()];
            boolean any = false;
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = cov.encode(text.get(i));
                any |= !Double.isNaN(encoded[i]);
            }
            if (!any) {
                throw new IllegalArgumentException(who + "covariate '" + cov.name() + "' has no value in the history");
            }
            SeriesRegularizer.Result r = SeriesRegularizer.regularize(seriesId, stamps, encoded, frequency, cov.fill());
            rows[c] = r.series().values();
            imputed[c] = r.report().missingImputed();
        }
        return new Result(rows, imputed);
    }

    /**
     * The history's covariate rows with the future values of the known covariates for steps
     * {@code 1..horizon} after {@code end} appended; past-only rows are left as they are.
     *
     * @throws IllegalArgumentException when a future timestamp does not parse or repeats, or a
     *                                  known covariate has no value at a forecast step
     */
    public static double[][] withFuture(List<Covariate> covariates, double[][] history, LocalDateTime end, Frequency frequency,
            TimeFormat format, int horizon, CovariateRows future) {
        Map<LocalDateTime, Integer> rowAt = new HashMap<>();
        for (int i = 0; i < future.timestamps().size(); i++) {
            String text = future.timestamps().get(i);
            LocalDateTime t;
            try {
                t = format.parse(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("future timestamp '" + text + "': " + e.getMessage());
            }
            if (rowAt.put(t, i) != null) {
                throw new IllegalArgumentException("future timestamp '" + text + "' is given twice");
            }
        }
        double[][] out = new double[covariates.size()][];
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            if (cov.role() != CovariateRole.KNOWN) {
                out[c] = history[c];
                continue;
            }
            int n = history[c].length;
            double[] row = java.util.Arrays.copyOf(history[c], n + horizon);
            List<String> values = future.values().get(cov.name());
            for (int k = 1; k <= horizon; k++) {
                LocalDateTime t = frequency.plus(end, k);
                Integer i = rowAt.get(t);
                double v = i == null || values == null ? Double.NaN : cov.encode(values.get(i));
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("known covariate '" + cov.name() + "' has no future value at "
                            + format.format(t) + " (forecast step " + k + " of " + horizon + "); give it for every step");
                }
                row[n + k - 1] = v;
            }
            out[c] = row;
        }
        return out;
    }
}
