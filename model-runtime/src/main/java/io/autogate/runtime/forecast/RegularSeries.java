package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One series on a regular grid: its id, the first stamp, one value per step (no missing values)
 * and its encoded covariates ({@link Covariate#encode}), one row per covariate of the artifact in
 * its order, on the same grid from the same start. A past-only covariate's row ends with the
 * values; a known covariate's row may run past them with its future values (the forecast steps).
 */
public record RegularSeries(String id, LocalDateTime start, double[] values, double[][] covariates) {
    public RegularSeries {
        covariates = covariates == null ? new double[0][] : covariates;
    }

    /** A series without covariates. */
    public RegularSeries(String id, LocalDateTime start, double[] values) {
        this(id, start, values, new double[0][]);
    }

    /** The stamp of the last value. */
    public LocalDateTime end(Frequency frequency) {
        return frequency.plus(start, values.length - 1L);
    }

    /**
     * The first {@code n} values, as history at a forecast origin after them: past-only covariates
     * are cut at the origin too; known covariates keep their later values (they are known in advance).
     *
     * @param roles the role of each covariate row
     */
    public RegularSeries head(int n, List<CovariateRole> roles) {
        double[][] cut = new double[covariates.length][];
        for (int c = 0; c < covariates.length; c++) {
            cut[c] = roles.get(c) == CovariateRole.KNOWN ? covariates[c] : Arrays.copyOf(covariates[c], Math.min(n,
                    covariates[c].length));
        }
        return new RegularSeries(id, start, Arrays.copyOf(values, n), cut);
    }

    /**
     * The last {@code n} values (this series when it has no more), starting {@code n} steps
     * before the end; every covariate row drops the same leading steps and keeps any values it
     * has past the end (known covariates' future values).
     */
    public RegularSeries tail(int n, Frequency frequency) {
        int drop = values.length - n;
        if (drop <= 0) {
            return this;
        }
        double[][] kept = new double[covariates.length][];
        for (int c = 0; c < covariates.length; c++) {
            kept[c] = Arrays.copyOfRange(covariates[c], Math.min(drop, covariates[c].length), covariates[c].length);
        }
        return new RegularSeries(id, frequency.plus(start, drop), Arrays.copyOfRange(values, drop, values.length), kept);
    }
}
