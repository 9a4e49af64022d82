package io.autogate.runtime.forecast;

import java.util.List;

/**
 * A multi-seasonal decomposition forecast (R {@code stlf} / statsforecast {@code MSTL}): the
 * history is decomposed by {@link MultiSeasonal} over {@code periods}, the seasonally adjusted
 * series is forecast by the non-seasonal model {@code adjusted}, and each seasonal component is
 * carried forward from its latest cycle. The intervals are those of the adjusted model.
 *
 * @param periods the seasonal periods (a period the history does not cover twice is skipped)
 * @param adjusted the model of the seasonally adjusted series
 */
public record MstlModel(List<Integer> periods, ForecastModel adjusted) implements ForecastModel {
    public MstlModel {
        periods = List.copyOf(periods);
        if (adjusted instanceof MstlModel) {
            throw new IllegalArgumentException("the adjusted series needs a non-seasonal model, not another MSTL model");
        }
    }

    @Override
    public int minLength() {
        return adjusted.minLength();
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        MultiSeasonal decomposition = MultiSeasonal.of(y, periods);
        PointForecast f = adjusted.forecast(decomposition.adjust(y), horizon);
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = f.mean()[h] + decomposition.seasonal(y.length + h);
        }
        return new PointForecast(mean, f.sigma());
    }

    @Override
    public String describe() {
        return "MSTL m=" + periods + " + " + adjusted.describe();
    }
}
