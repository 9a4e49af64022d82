package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.MstlModel;
import io.autogate.runtime.forecast.MultiSeasonal;
import java.util.List;

/**
 * Multi-seasonal decomposition plus non-seasonal ETS ({@link MstlModel}): the series is
 * decomposed additively by every seasonal period of its frequency
 * ({@link Frequency#seasonalPeriods()}: a day and a week for hourly and half-hourly data, a week
 * and a year for daily data) and the adjusted series gets the AICc-chosen ETS without season
 * ({@link EtsFamily} at period 1). For frequencies with one season this is R's {@code stlf}
 * analogue; it gives ETS a season beyond the m ≤ 24 that {@link EtsFamily} fits itself. Without
 * a frequency ({@link #forFrequency} not called) the periods are just the seasonal period.
 * Opt-in ({@code --families ...,mstl}): not {@link #byDefault() fitted by default}.
 */
final class MstlFamily implements ForecastFamily {
    /** The family's id. */
    static final String ID = "mstl";
    private final List<Integer> periods;

    /** The family before its frequency is known: the seasonal period alone. */
    MstlFamily() {
        this(null);
    }

    private MstlFamily(List<Integer> periods) {
        this.periods = periods;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        return 4;
    }

    /**
     * Opt-in: on the benchmark's validation window the default ensemble with this family was worse
     * than without it (benchmarks/results/forecast-validation.md).
     */
    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public ForecastFamily forFrequency(Frequency frequency) {
        return new MstlFamily(frequency.seasonalPeriods());
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        if (y.length < minLength(period)) {
            throw new IllegalArgumentException("mstl needs at least 4 values, got " + y.length);
        }
        List<Integer> used = periods != null ? periods : period > 1 ? List.of(period) : List.of();
        double[] adjusted = MultiSeasonal.of(y, used).adjust(y);
        return new MstlModel(used, new EtsFamily().fit(adjusted, 1));
    }
}
