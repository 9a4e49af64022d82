package io.autogate.runtime.forecast;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A fitted forecasting model of one family. Its stored parameters are the ones the engine chose;
 * its states (level, trend, seasonal indices, residuals) are derived again from whatever history
 * it is given, so the same model forecasts from the end of the training data or from new history.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NaiveModel.class, name = "naive"),
    @JsonSubTypes.Type(value = SeasonalNaiveModel.class, name = "seasonal_naive"),
    @JsonSubTypes.Type(value = DriftModel.class, name = "drift"),
    @JsonSubTypes.Type(value = MeanModel.class, name = "mean"),
    @JsonSubTypes.Type(value = EtsModel.class, name = "ets"),
    @JsonSubTypes.Type(value = ThetaModel.class, name = "theta"),
    @JsonSubTypes.Type(value = ArimaModel.class, name = "arima"),
    @JsonSubTypes.Type(value = ArimaxModel.class, name = "arimax"),
    @JsonSubTypes.Type(value = GlobalGbmModel.class, name = "gbm"),
    @JsonSubTypes.Type(value = MstlModel.class, name = "mstl")
})
public sealed interface ForecastModel permits NaiveModel, SeasonalNaiveModel, DriftModel, MeanModel, EtsModel,
        ThetaModel, ArimaModel, ArimaxModel, GlobalGbmModel, MstlModel {
    /** The shortest history this model can forecast from. */
    int minLength();

    /** Forecasts {@code horizon} steps after the last value of {@code history}. */
    PointForecast forecast(double[] history, int horizon);

    /**
     * Forecasts {@code horizon} steps after the end of a stamped history; the per-series
     * families use only its values, the global model also its calendar, and both the global
     * model and {@link ArimaxModel} its covariates.
     */
    default PointForecast forecast(RegularSeries history, Frequency frequency, int horizon) {
        return forecast(history.values(), horizon);
    }

    /** A short description of the fitted form, e.g. {@code ETS(A,Ad,M) m=12}. */
    String describe();
}
