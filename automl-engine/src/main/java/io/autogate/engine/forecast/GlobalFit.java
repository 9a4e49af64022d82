package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;
import java.util.List;

/**
 * What a global family's fit gives: the one model fitted on all series, each series' backtest
 * forecasts ({@code null} for a series it could not forecast), and notes on what it did.
 */
public record GlobalFit(ForecastModel model, MemberFit[] perSeries, List<String> notes) {
    public GlobalFit {
        perSeries = perSeries.clone();
        notes = List.copyOf(notes);
    }
}
