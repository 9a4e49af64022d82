/**
 * Forecasting in the engine: the families that fit {@link io.autogate.runtime.forecast.ForecastModel}s
 * (naive, seasonal naive, drift, mean, ETS, ARIMA, Theta per series; the global gradient-boosting
 * family across all series), each fit under its own time slot, reuse of a failed member's last good fit,
 * rolling-origin backtests with MASE, sMAPE, RMSE and interval coverage, the backtest-weighted
 * ensemble (greedy selection on the backtests by default, or another combination rule, fixed or chosen per run on later
 * backtest windows, {@code EnsembleChoice})
 * and the trainer that registers a forecasting artifact.
 */
package io.autogate.engine.forecast;
