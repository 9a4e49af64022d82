package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.CalendarField;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.GbmFeatures;
import io.autogate.runtime.forecast.GlobalGbmModel;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The global gradient-boosting family ({@code gbm}): one XGBoost booster trained across all
 * series on {@link GbmFeatures} chosen from the frequency (lags 1..min(m, 12) plus m, m+1, 2m
 * and a week for sub-daily data; rolling mean and standard deviation over 3, m and 2m steps;
 * calendar fields), each series scaled by its mean absolute level, forecasting recursively. On
 * sub-daily data the trainer gives it up to two years of each series ({@link GlobalHistory}).
 * It is fitted once per backtest window (on every series' part before that window's origin)
 * and once on the whole series; the intervals of each step come from the backtest residual
 * quantiles ({@link StepSpread}) of the other windows for a backtest window, of every window
 * for the final model, and from the in-sample residuals when no series has a backtest. At most
 * {@link #MAX_ROWS} training rows, the most recent of each series.
 *
 * <p>Covariates ({@link GbmFeatures}): a known-in-advance covariate is read at the target's own
 * step and the step before; a past-only one at lags {@code H} and {@code m * ceil(H / m)} ({@code H}
 * the horizon, {@code m} the seasonal period) with the mean of the {@code max(2, m)} values ending at
 * lag {@code H}, so no forecast step up to {@code H} reads a past-only value after the origin. In a
 * backtest window, past-only rows are cut at the window's origin; known rows keep their actual
 * values after it (they stand for the values that would be known in advance).
 */
public final class GbmFamily implements GlobalForecastFamily {
    /** The family's id. */
    public static final String ID = "gbm";
    /** Boosting rounds. */
    public static final int ROUNDS = 200;
    /** Cap on training rows over all series. */
    public static final int MAX_ROWS = 200_000;

    @Override
    public String id() {
        return ID;
    }

    /** The XGBoost parameters (seed and threads added per fit). */
    static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("objective", "reg:squarederror");
        p.put("tree_method", "hist");
        p.put("eta", "0.05");
        p.put("max_depth", "6");
        p.put("min_child_weight", "3");
        p.put("subsample", "0.8");
        p.put("colsample_bytree", "0.8");
        p.put("lambda", "1");
        return p;
    }

    /** The features for a frequency, seasonal period, horizon and covariate roles. */
    static GbmFeatures features(Frequency frequency, int period, int horizon, List<CovariateRole> covariates) {
        int m = Math.max(1, period);
        TreeSet<Integer> lags = new TreeSet<>();
        for (int l = 1; l <= Math.max(4, Math.min(m, 12)); l++) {
            lags.add(l);
        }
        if (m > 1) {
            lags.addAll(List.of(m, m + 1, 2 * m));
        }
        boolean subDaily = frequency.unit() == ChronoUnit.HOURS || frequency.unit() == ChronoUnit.MINUTES;
        if (subDaily && m > 1) {
            lags.add(7 * m);
        }
        TreeSet<Integer> windows = new TreeSet<>(List.of(3, Math.max(2, m), 2 * Math.max(2, m)));
        List<CalendarField> calendar = switch (frequency.unit()) {
            case MINUTES -> List.of(CalendarField.MINUTE_OF_DAY, CalendarField.DAY_OF_WEEK);
            case HOURS -> List.of(CalendarField.HOUR_OF_DAY, CalendarField.DAY_OF_WEEK);
            case DAYS -> List.of(CalendarField.DAY_OF_WEEK, CalendarField.DAY_OF_MONTH, CalendarField.MONTH);
            case WEEKS -> List.of(CalendarField.WEEK_OF_YEAR, CalendarField.MONTH);
            case MONTHS -> frequency.step() % 3 == 0 ? List.of(CalendarField.QUARTER) : List.of(CalendarField.MONTH);
            default -> List.of();
        };
        TreeSet<Integer> pastLags = new TreeSet<>(List.of(horizon, m * ((horizon + m - 1) / m)));
        boolean past = covariates.contains(CovariateRole.PAST);
        return new GbmFeatures(lags.stream().mapToInt(Integer::intValue).toArray(),
                windows.stream().mapToInt(Integer::intValue).toArray(), m, calendar, covariates,
                past ? pastLags.stream().mapToInt(Integer::intValue).toArray() : new int[0], past ? Math.max(2, m) : 0);
    }

    @Override
    public GlobalFit fit(List<RegularSeries> series, int[][] origins, Frequency frequency, int horizon,
            List<Covariate> covariates, long seed, int threads) {
        List<CovariateRole> roles = covariates.stream().map(Covariate::role).toList();
        GbmFeatures features = features(frequency, frequency.seasonalPeriod(), horizon, roles);
        int windows = Arrays.stream(origins).mapToInt(o -> o.length).max().orElse(0);
        PointForecast[][] forecasts = new PointForecast[series.size()][];
        for (int s = 0; s < series.size(); s++) {
            forecasts[s] = new PointForecast[origins[s].length];
        }
        // residuals[k]: per step, the scaled errors of window k (counted back from the end)
        List<List<List<Double>>> residuals = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            List<RegularSeries> parts = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                int w = origins[s].length - 1 - k;
                if (w >= 0) {
                    parts.add(series.get(s).head(origins[s][w], roles));
                    owners.add(s);
                }
            }
            List<List<Double>> errors = StepSpread.empty(horizon);
            GlobalGbmModel model = train(parts, features, frequency, seed, threads);
            if (model != null) {
                List<PointForecast> out = model.forecastAll(parts, frequency, horizon);
                for (int i = 0; i < parts.size(); i++) {
                    PointForecast f = out.get(i);
                    int s = owners.get(i);
                    if (f == null) {
                        continue;
                    }
                    forecasts[s][origins[s].length - 1 - k] = f;
                    double[] y = series.get(s).values();
                    int origin = parts.get(i).values().length;
                    double scale = GbmFeatures.scale(y, origin);
                    for (int h = 0; h < horizon; h++) {
                        double e = (y[origin + h] - f.mean()[h]) / scale;
                        if (Double.isFinite(e)) {
                            errors.get(h).add(e);
                        }
                    }
                }
            }
            residuals.add(errors);
        }
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            List<List<Double>> others = StepSpread.empty(horizon);
            for (int j = 0; j < windows; j++) {
                if (j != k) {
                    others = StepSpread.merged(others, residuals.get(j));
                }
            }
            double[] sigma = StepSpread.sigmas(others);
            if (sigma == null) {
                sigma = StepSpread.sigmas(residuals.get(k));
            }
            for (int s = 0; s < series.size(); s++) {
                int w = origins[s].length - 1 - k;
                if (w >= 0 && forecasts[s][w] != null) {
                    PointForecast f = forecasts[s][w];
                    double scale = GbmFeatures.scale(series.get(s).values(), origins[s][w]);
                    double[] sd = new double[horizon];
                    for (int h = 0; h < horizon; h++) {
                        sd[h] = sigma[h] * scale;
                    }
                    forecasts[s][w] = new PointForecast(f.mean(), sd);
                }
            }
        }
        GlobalGbmModel finalModel = train(series, features, frequency, seed, threads);
        if (finalModel == null) {
            throw new IllegalArgumentException("no series is longer than the gbm anchor window of " + features.anchor()
                    + " steps");
        }
        List<List<Double>> all = StepSpread.empty(horizon);
        for (List<List<Double>> r : residuals) {
            all = StepSpread.merged(all, r);
        }
        double[] sigma = StepSpread.sigmas(all);
        if (sigma == null) {
            sigma = finalModel.stepSigma();
            notes.add("gbm: no backtest residuals; intervals from the in-sample one-step spread growing with the square root of the step");
        }
        GlobalGbmModel model = finalModel.withStepSigma(sigma);
        MemberFit[] perSeries = new MemberFit[series.size()];
        for (int s = 0; s < series.size(); s++) {
            if (series.get(s).values().length >= model.minLength()) {
                perSeries[s] = new MemberFit(forecasts[s], model);
            }
        }
        return new GlobalFit(model, perSeries, notes);
    }

    /**
     * Trains a booster on the rows of every part; {@code null} when no part is longer than the
     * anchor window. The returned model's step spread is its in-sample one-step spread.
     */
    static GlobalGbmModel train(List<RegularSeries> parts, GbmFeatures features, Frequency frequency, long seed,
            int threads) {
        int width = features.count();
        int perSeriesCap = Math.max(50, MAX_ROWS / Math.max(1, parts.size()));
        int rows = 0;
        for (RegularSeries p : parts) {
            rows += Math.max(0, Math.min(perSeriesCap, p.values().length - features.anchor()));
        }
        if (rows == 0) {
            return null;
        }
        float[] x = new float[rows * width];
        float[] label = new float[rows];
        int r = 0;
        for (RegularSeries p : parts) {
            double[] y = p.values();
            int n = y.length;
            double scale = GbmFeatures.scale(y, n);
            for (int t = Math.max(features.anchor(), n - perSeriesCap); t < n; t++) {
                features.row(y, p.covariates(), t, frequency.plus(p.start(), t), scale, x, r * width);
                label[r] = (float) ((y[t] - features.anchorAt(y, t)) / scale);
                r++;
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(params());
        params.put("seed", seed);
        params.put("nthread", Math.max(1, threads));
        params.put("verbosity", 0);
        DMatrix matrix = null;
        Booster booster = null;
        try {
            matrix = new DMatrix(x, rows, width, Float.NaN);
            matrix.setLabel(label);
            booster = XGBoost.train(matrix, params, 0, Map.of(), null, null);
            for (int i = 0; i < ROUNDS; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SlotExpiredException();
                }
                booster.update(matrix, i);
            }
            float[][] fitted = booster.predict(matrix);
            List<List<Double>> inSample = StepSpread.empty(1);
            for (int i = 0; i < rows; i++) {
                inSample.get(0).add((double) (label[i] - fitted[i][0]));
            }
            double[] oneStep = StepSpread.sigmas(inSample);
            String saved = Base64.getEncoder().encodeToString(booster.toByteArray("ubj"));
            Map<String, String> stored = new LinkedHashMap<>(params());
            stored.put("seed", Long.toString(seed));
            return new GlobalGbmModel(features, stored, ROUNDS, seed, saved, oneStep);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }
}
