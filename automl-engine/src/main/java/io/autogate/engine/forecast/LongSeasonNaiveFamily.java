package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.SeasonalNaiveModel;
import java.util.List;

/**
 * Seasonal naive at the frequency's longest season ({@link Frequency#seasonalPeriods()}: a week
 * for hourly and half-hourly data, a year for daily data): the value one week (or year) back.
 * It {@link #appliesTo applies} only to frequencies with a second season. Opt-in
 * ({@code --families ...,seasonal_naive_long}): not {@link #byDefault() fitted by default}.
 */
final class LongSeasonNaiveFamily implements ForecastFamily {
    /** The family's id. */
    static final String ID = "seasonal_naive_long";
    private final int season;

    /** The family before its frequency is known (it then falls back to the seasonal period). */
    LongSeasonNaiveFamily() {
        this(0);
    }

    private LongSeasonNaiveFamily(int season) {
        this.season = season;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        return season(period) + 1;
    }

    @Override
    public boolean appliesTo(Frequency frequency) {
        return frequency.seasonalPeriods().size() > 1;
    }

    @Override
    public ForecastFamily forFrequency(Frequency frequency) {
        List<Integer> periods = frequency.seasonalPeriods();
        return new LongSeasonNaiveFamily(periods.isEmpty() ? 0 : periods.get(periods.size() - 1));
    }

    /**
     * Opt-in: on the benchmark's validation window it never entered the default top 3, and greedy
     * selection with it scored worse (benchmarks/results/forecast-validation.md).
     */
    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        int m = season(period);
        if (y.length < m + 1) {
            throw new IllegalArgumentException(ID + " (season " + m + ") needs at least " + (m + 1) + " values, got " + y.length);
        }
        return new SeasonalNaiveModel(m);
    }

    private int season(int period) {
        return season > 0 ? season : Math.max(1, period);
    }
}
