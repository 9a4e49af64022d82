package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.EnsembleForecast;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores the backtest forecasts of families and of weighted ensembles against the series' actual values. */
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
        ForecastScores scores = new ForecastScores();
        for (int s = 0; s < series.size(); s++) {
            if (fits[s] == null) {
                continue;
            }
            for (int w = 0; w < origins[s].length; w++) {
                PointForecast f = fits[s].windows()[w];
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
        for (int s = 0; s < series.size(); s++) {
            for (int w = lastOnly ? origins[s].length - 1 : 0; w >= 0 && w < origins[s].length; w++) {
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
        return scores;
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
