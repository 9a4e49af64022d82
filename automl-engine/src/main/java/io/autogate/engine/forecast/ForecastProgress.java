package io.autogate.engine.forecast;

/**
 * What a forecast training run reports while it fits, from the thread that called
 * {@link ForecastTrainer#train}: after each member fit finishes (fitted, failed or overrun; one
 * fit per per-series family and series, one per global family), how many of how many have, and
 * the lowest backtest MASE of the families whose fits have all finished so far.
 */
@FunctionalInterface
public interface ForecastProgress {
    /** Reports nothing. */
    ForecastProgress NONE = (done, total, best, elapsed) -> {
    };

    /**
     * {@code fitsDone} of {@code fitsTotal} fits have finished, {@code elapsedSeconds} after the
     * run started; {@code bestMase} is {@code NaN} until a whole family has finished.
     */
    void fitted(int fitsDone, int fitsTotal, double bestMase, double elapsedSeconds);
}
