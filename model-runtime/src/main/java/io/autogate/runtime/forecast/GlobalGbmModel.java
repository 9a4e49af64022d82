package io.autogate.runtime.forecast;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The global gradient-boosting family: one XGBoost booster trained across every series on
 * {@link GbmFeatures} (lags, rolling windows, calendar fields; per-series scaling), forecasting
 * recursively one step at a time (each prediction feeds the next step's lags; each step reads the
 * known covariates at its own time, which the history's covariate rows must hold for every step,
 * and past-only covariates from before the origin only). The spread of
 * step {@code h} is {@code stepSigma[h] * scale} (the scale re-derived from the given history),
 * taken from backtest residual quantiles; beyond the trained horizon it grows with the square
 * root of the step. Stored once per artifact (the booster as base64 UBJSON, with its parameters
 * and seed), not per series.
 *
 * <p>Needs the history's time stamps (calendar fields), so it forecasts through
 * {@link #forecast(RegularSeries, Frequency, int)}; the stamp-less form is refused. Thread-safe.
 */
public final class GlobalGbmModel implements ForecastModel {
    private final GbmFeatures features;
    private final Map<String, String> params;
    private final int rounds;
    private final long seed;
    private final String booster;
    private final double[] stepSigma;
    private volatile Booster loaded;

    /** A model over a saved booster ({@code booster} is base64 of XGBoost's UBJSON model). */
    @JsonCreator
    public GlobalGbmModel(@JsonProperty("features") GbmFeatures features, @JsonProperty("params") Map<String, String> params,
            @JsonProperty("rounds") int rounds, @JsonProperty("seed") long seed, @JsonProperty("booster") String booster,
            @JsonProperty("stepSigma") double[] stepSigma) {
        if (features == null || booster == null || booster.isEmpty()) {
            throw new IllegalArgumentException("a global GBM model needs its features and its booster");
        }
        this.features = features;
        this.params = params == null ? Map.of() : Map.copyOf(params);
        this.rounds = rounds;
        this.seed = seed;
        this.booster = booster;
        this.stepSigma = stepSigma == null || stepSigma.length == 0 ? new double[] {0} : stepSigma.clone();
    }

    private GlobalGbmModel(GlobalGbmModel base, double[] stepSigma) {
        this(base.features, base.params, base.rounds, base.seed, base.booster, stepSigma);
        this.loaded = base.loaded;
    }

    /** The same booster with other per-step spreads (in units of the series' scale). */
    public GlobalGbmModel withStepSigma(double[] sigma) {
        return new GlobalGbmModel(this, sigma);
    }

    @JsonProperty("features")
    public GbmFeatures features() {
        return features;
    }

    /** The XGBoost parameters it was trained with. */
    @JsonProperty("params")
    public Map<String, String> params() {
        return params;
    }

    /** Boosting rounds. */
    @JsonProperty("rounds")
    public int rounds() {
        return rounds;
    }

    /** The training seed. */
    @JsonProperty("seed")
    public long seed() {
        return seed;
    }

    /** Base64 of the booster in XGBoost's UBJSON format. */
    @JsonProperty("booster")
    public String booster() {
        return booster;
    }

    /** Spread of each step's error in units of the series' scale. */
    @JsonProperty("stepSigma")
    public double[] stepSigma() {
        return stepSigma.clone();
    }

    @Override
    public int minLength() {
        return Math.max(2, features.anchor());
    }

    /** Refused: the global model needs the history's time stamps. */
    @Override
    public PointForecast forecast(double[] history, int horizon) {
        throw new UnsupportedOperationException("the global GBM model forecasts from a history with time stamps");
    }

    @Override
    public PointForecast forecast(RegularSeries history, Frequency frequency, int horizon) {
        return forecastAll(List.of(history), frequency, horizon).get(0);
    }

    /**
     * Forecasts every series (one prediction call per step for all of them); a series shorter
     * than {@link #minLength()} gets {@code null}.
     */
    public List<PointForecast> forecastAll(List<RegularSeries> histories, Frequency frequency, int horizon) {
        int width = features.count();
        List<Integer> usable = new ArrayList<>();
        for (int s = 0; s < histories.size(); s++) {
            if (histories.get(s).values().length >= minLength()) {
                usable.add(s);
            }
        }
        int k = usable.size();
        double[][] ext = new double[k][];
        double[][][] cov = new double[k][][];
        double[] scales = new double[k];
        LocalDateTime[] ends = new LocalDateTime[k];
        double[][] means = new double[k][horizon];
        for (int i = 0; i < k; i++) {
            RegularSeries s = histories.get(usable.get(i));
            double[] y = s.values();
            ext[i] = java.util.Arrays.copyOf(y, y.length + horizon);
            cov[i] = covariatesOf(s, horizon);
            scales[i] = GbmFeatures.scale(y, y.length);
            ends[i] = s.end(frequency);
        }
        float[] rows = new float[k * width];
        for (int h = 0; h < horizon && k > 0; h++) {
            for (int i = 0; i < k; i++) {
                int t = ext[i].length - horizon + h;
                features.row(ext[i], cov[i], t, frequency.plus(ends[i], h + 1L), scales[i], rows, i * width);
            }
            float[] predicted = predict(rows, k, width);
            for (int i = 0; i < k; i++) {
                int t = ext[i].length - horizon + h;
                double value = features.anchorAt(ext[i], t) + predicted[i] * scales[i];
                ext[i][t] = value;
                means[i][h] = value;
            }
        }
        List<PointForecast> out = new ArrayList<>(java.util.Collections.nCopies(histories.size(), (PointForecast) null));
        for (int i = 0; i < k; i++) {
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                sd[h] = sigmaAt(h) * scales[i];
            }
            out.set(usable.get(i), new PointForecast(means[i], sd));
        }
        return out;
    }

    /**
     * The covariate rows of a history: known covariates must run {@code horizon} steps past the
     * values; past-only ones are cut at the end of the values (the forecast origin) so no step
     * can read a value after it.
     */
    private double[][] covariatesOf(RegularSeries s, int horizon) {
        List<CovariateRole> roles = features.covariates();
        if (s.covariates().length != roles.size()) {
            throw new IllegalArgumentException("series '" + s.id() + "' has " + s.covariates().length
                    + " covariate row(s); the global GBM model uses " + roles.size());
        }
        int n = s.values().length;
        for (int c = 0; c < roles.size(); c++) {
            if (roles.get(c) == CovariateRole.KNOWN && s.covariates()[c].length < n + horizon) {
                throw new IllegalArgumentException("series '" + s.id() + "': known covariate " + (c + 1) + " has "
                        + (s.covariates()[c].length - n) + " future value(s), the forecast needs " + horizon);
            }
        }
        return s.head(n, roles).covariates();
    }

    private double sigmaAt(int h) {
        int trained = stepSigma.length;
        return h < trained ? stepSigma[h] : stepSigma[trained - 1] * Math.sqrt((h + 1.0) / trained);
    }

    private float[] predict(float[] rows, int count, int width) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(rows, count, width, Float.NaN);
            Booster b = nativeBooster();
            float[][] p;
            synchronized (b) {
                p = b.predict(matrix);
            }
            float[] out = new float[count];
            for (int i = 0; i < count; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("the global GBM booster failed to predict: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    private Booster nativeBooster() {
        Booster b = loaded;
        if (b == null) {
            synchronized (this) {
                if (loaded == null) {
                    try {
                        loaded = XGBoost.loadModel(Base64.getDecoder().decode(booster));
                    } catch (XGBoostError | java.io.IOException | IllegalArgumentException e) {
                        throw new IllegalStateException("the global GBM booster cannot be read: " + e.getMessage(), e);
                    }
                }
                b = loaded;
            }
        }
        return b;
    }

    @Override
    public String describe() {
        return "global GBM " + rounds + " rounds, " + features.count() + " features (lags " + java.util.Arrays.toString(
                features.lags()) + ", windows " + java.util.Arrays.toString(features.windows()) + ", " + features.calendar()
                + (features.covariates().isEmpty() ? "" : ", covariates " + features.covariates() + " past lags "
                + java.util.Arrays.toString(features.pastLags())) + ")";
    }
}
