package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.EtsModel;
import io.autogate.runtime.forecast.EtsModel.Season;
import io.autogate.runtime.forecast.EtsModel.Trend;
import io.autogate.runtime.forecast.ForecastModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic exponential smoothing: every candidate of trend {none, additive, damped additive} ×
 * season {none, additive, multiplicative} allowed for the series is fitted by least squares on
 * its one-step errors (Nelder-Mead over alpha, beta, gamma, phi within the R {@code ets} bounds:
 * 1e-4 to 0.9999, beta ≤ alpha, gamma ≤ 1 − alpha, phi in [0.8, 0.98]) and the lowest AICc wins.
 * A season is tried only when 2 ≤ m ≤ 24 and the series covers two seasons plus two values;
 * a multiplicative season only for strictly positive data (FC {@code ets.R} rules).
 */
final class EtsFamily implements ForecastFamily {
    private static final double LOW = 1e-4;
    private static final double HIGH = 0.9999;

    @Override
    public String id() {
        return "ets";
    }

    @Override
    public int minLength(int period) {
        return 4;
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        if (y.length < minLength(period)) {
            throw new IllegalArgumentException("ets needs at least 4 values, got " + y.length);
        }
        boolean positive = java.util.Arrays.stream(y).allMatch(v -> v > 0);
        List<Season> seasons = new ArrayList<>(List.of(Season.N));
        if (period >= 2 && period <= 24 && y.length >= 2 * period + 2) {
            seasons.add(Season.A);
            if (positive) {
                seasons.add(Season.M);
            }
        }
        EtsModel best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Season season : seasons) {
            for (int trendKind = 0; trendKind < 3; trendKind++) {
                Trend trend = trendKind == 0 ? Trend.N : Trend.A;
                boolean damped = trendKind == 2;
                EtsModel fitted = fitOne(y, trend, damped, season, period);
                double[] e = fitted.oneStepErrors(y);
                double score = Sse.aicc(Sse.of(e, 0), Sse.count(e, 0), fitted.parameterCount() + 1);
                if (score < bestScore) {
                    bestScore = score;
                    best = fitted;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no ETS candidate could be fitted");
        }
        return best;
    }

    private static EtsModel fitOne(double[] y, Trend trend, boolean damped, Season season, int period) {
        int p = season == Season.N ? 1 : period;
        double[] start = {0.3, 0.05, 0.05, 0.9};
        NelderMead.Minimum min = NelderMead.minimize(x -> {
            EtsModel m = model(x, trend, damped, season, p);
            return m == null ? Double.POSITIVE_INFINITY : Sse.of(m.oneStepErrors(y), 0);
        }, start, 0.1, 400, 1e-8);
        EtsModel m = model(min.point(), trend, damped, season, p);
        return m != null ? m : model(start, trend, damped, season, p);
    }

    private static EtsModel model(double[] x, Trend trend, boolean damped, Season season, int period) {
        double alpha = x[0];
        double beta = trend == Trend.N ? 0 : x[1];
        double gamma = season == Season.N ? 0 : x[2];
        double phi = damped ? x[3] : 1;
        if (alpha < LOW || alpha > HIGH) {
            return null;
        }
        if (trend != Trend.N && (beta < LOW || beta > alpha)) {
            return null;
        }
        if (season != Season.N && (gamma < LOW || gamma > 1 - alpha)) {
            return null;
        }
        if (damped && (phi < 0.8 || phi > 0.98)) {
            return null;
        }
        return new EtsModel(trend, damped, season, period, alpha, beta, gamma, phi);
    }
}
