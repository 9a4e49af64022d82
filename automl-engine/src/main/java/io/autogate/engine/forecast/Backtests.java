package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.EnsembleForecast;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Scores the backtest forecasts of families and of weighted ensembles against the series' actual
 * values. A window's <em>age</em> counts back from each series' most recent window (age 0).
 */
final class Backtests {
    private final List<RegularSeries> series;
    private final int[][] origins;
    private final int period;
    private final int horizon;

    Backtests(List<RegularSeries> series, int[][] origins, int period, int horizon) {
        this.series = series;
        this.origins = origins;
        this.period = period;
        this.horizon = horizon;
    }

    /** One family's figures over every series and window it forecast. */
    ForecastScores family(MemberFit[] fits) {
        return family(fits, age -> true);
    }

    /** One family's figures over the windows whose age passes {@code ages}. */
    ForecastScores family(MemberFit[] fits, IntPredicate ages) {
        ForecastScores scores = new ForecastScores();
        for (int s = 0; s < series.size(); s++) {
            if (fits[s] == null) {
                continue;
            }
            for (int w = 0; w < origins[s].length; w++) {
                PointForecast f = ages.test(origins[s].length - 1 - w) ? fits[s].windows()[w] : null;
                if (f != null && EnsembleForecast.finite(f)) {
                    add(scores, s, w, f);
                }
            }
        }
        return scores;
    }

    /**
     * The ensemble's figures: per series and window the weighted combination of the weighted
     * families that forecast it, else the best-ranked family that did. With {@code lastOnly}
     * only the most recent window (the out-of-time check).
     */
    ForecastScores ensemble(MemberFit[][] fits, double[] weights, List<Integer> ranked, boolean lastOnly) {
        ForecastScores scores = new ForecastScores();
        addEnsemble(scores, fits, weights, ranked, lastOnly ? age -> age == 0 : age -> true);
        return scores;
    }

    /** Adds the ensemble's windows whose age passes {@code ages} to {@code scores}. */
    void addEnsemble(ForecastScores scores, MemberFit[][] fits, double[] weights, List<Integer> ranked, IntPredicate ages) {
        for (int s = 0; s < series.size(); s++) {
            for (int w = 0; w < origins[s].length; w++) {
                if (!ages.test(origins[s].length - 1 - w)) {
                    continue;
                }
                List<PointForecast> forecasts = new ArrayList<>();
                List<Double> ws = new ArrayList<>();
                for (int f = 0; f < weights.length; f++) {
                    if (weights[f] > 0 && fits[f][s] != null && fits[f][s].windows()[w] != null) {
                        forecasts.add(fits[f][s].windows()[w]);
                        ws.add(weights[f]);
                    }
                }
                PointForecast combined = EnsembleForecast.combine(forecasts, ws);
                for (int i = 0; combined == null && i < ranked.size(); i++) {
                    MemberFit fit = fits[ranked.get(i)][s];
                    PointForecast f = fit == null ? null : fit.windows()[w];
                    combined = f != null && EnsembleForecast.finite(f) ? f : null;
                }
                if (combined != null) {
                    add(scores, s, w, combined);
                }
            }
        }
    }

    /** The most windows any series has. */
    int maxWindows() {
        return Arrays.stream(origins).mapToInt(o -> o.length).max().orElse(0);
    }

    private void add(ForecastScores scores, int s, int w, PointForecast f) {
        double[] y = series.get(s).values();
        int origin = origins[s][w];
        double scale = ForecastScores.scale(y, origin, period);
        if (Double.isFinite(scale)) {
            scores.add(f, Arrays.copyOfRange(y, origin, origin + horizon), scale);
        }
    }
}
