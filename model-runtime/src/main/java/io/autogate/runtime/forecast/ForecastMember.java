package io.autogate.runtime.forecast;

/** One family's fitted model for one series, with its ensemble weight (from backtests). */
public record ForecastMember(String family, double weight, ForecastModel model) {
    public ForecastMember {
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("member " + family + " needs a positive weight");
        }
    }
}
