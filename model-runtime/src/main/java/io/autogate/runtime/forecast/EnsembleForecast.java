package io.autogate.runtime.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines members into one forecast: the weighted mean of their means and of their standard
 * deviations (so the ensemble is never more confident than its members on average). Members
 * whose history is too short or whose forecast is not finite are skipped and the rest
 * renormalised; the engine's backtests use the same combination as serving.
 */
public final class EnsembleForecast {
    private EnsembleForecast() {
    }

    /** The combined forecast, or an error when no member can forecast from this history. */
    public static PointForecast combine(List<ForecastMember> members, RegularSeries history, Frequency frequency,
            int horizon) {
        List<PointForecast> forecasts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (ForecastMember m : members) {
            if (history.values().length >= m.model().minLength()) {
                forecasts.add(m.model().forecast(history, frequency, horizon));
                weights.add(m.weight());
            }
        }
        PointForecast combined = combine(forecasts, weights);
        if (combined == null) {
            throw new IllegalArgumentException("a history of " + history.values().length + " value(s) is too short for every member");
        }
        return combined;
    }

    /** The weighted combination of forecasts of equal length; {@code null} when none is finite. */
    public static PointForecast combine(List<PointForecast> forecasts, List<Double> weights) {
        if (forecasts.isEmpty()) {
            return null;
        }
        int horizon = forecasts.get(0).horizon();
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double total = 0;
        for (int i = 0; i < forecasts.size(); i++) {
            PointForecast f = forecasts.get(i);
            double w = weights.get(i);
            if (f == null || !finite(f)) {
                continue;
            }
            for (int h = 0; h < horizon; h++) {
                mean[h] += w * f.mean()[h];
                sd[h] += w * f.sigma()[h];
            }
            total += w;
        }
        if (total == 0) {
            return null;
        }
        for (int h = 0; h < horizon; h++) {
            mean[h] /= total;
            sd[h] /= total;
        }
        return new PointForecast(mean, sd);
    }

    /** True when every mean and spread is a finite number. */
    public static boolean finite(PointForecast f) {
        for (int h = 0; h < f.horizon(); h++) {
            if (!Double.isFinite(f.mean()[h]) || !Double.isFinite(f.sigma()[h])) {
                return false;
            }
        }
        return true;
    }
}
