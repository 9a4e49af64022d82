/**
 * Forecasting in the engine: the families that fit {@link io.autogate.runtime.forecast.ForecastModel}s
 * (naive, seasonal naive, drift, mean, ETS, ARIMA, Theta), each fit under its own time slot,
 * rolling-origin backtests with MASE, sMAPE, RMSE and interval coverage, the backtest-weighted
 * ensemble and the trainer that registers a forecasting artifact.
 */
package io.autogate.engine.forecast;
