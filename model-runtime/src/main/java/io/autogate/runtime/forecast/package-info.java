/**
 * Forecasting at prediction time: the time axis ({@link io.autogate.runtime.forecast.Frequency},
 * {@link io.autogate.runtime.forecast.TimeFormat}), the stated rules that turn raw stamps into a
 * regular series ({@link io.autogate.runtime.forecast.SeriesRegularizer}), the fitted forecasting
 * models ({@link io.autogate.runtime.forecast.ForecastModel}, including the global XGBoost model
 * {@link io.autogate.runtime.forecast.GlobalGbmModel} over {@link io.autogate.runtime.forecast.GbmFeatures}) and the
 * {@link io.autogate.runtime.forecast.Forecaster} that serves a registered forecasting artifact.
 * Fitting (parameter search, backtests, ensemble weights) lives in the engine.
 */
package io.autogate.runtime.forecast;
