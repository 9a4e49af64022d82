package io.autogate.engine.forecast;

import java.time.Clock;

/**
 * Counts a training run's finished fits for a {@link ForecastProgress}: the per-series fits of
 * each family as {@link SlotRunner} reports them, then each global family's single fit. Once
 * every series of a family has finished, the family is scored on its backtests (the fits that
 * failed left out, as in the report) and the best MASE so far is passed on.
 */
final class FitProgress {
    private final ForecastProgress listener;
    private final Backtests backtests;
    private final int seriesCount;
    private final int total;
    private final MemberFit[][] local;
    private final int[] finished;
    private final Clock clock;
    private final long t0;
    private int done;
    private double best = Double.NaN;

    FitProgress(ForecastProgress listener, Backtests backtests, int families, int seriesCount, int globalFamilies,
            Clock clock, long t0) {
        this.listener = listener;
        this.backtests = backtests;
        this.seriesCount = seriesCount;
        this.total = families * seriesCount + globalFamilies;
        this.local = new MemberFit[families][seriesCount];
        this.finished = new int[families];
        this.clock = clock;
        this.t0 = t0;
    }

    /** The per-series fit of task {@code index} (family-major, as the trainer submits them) finished. */
    void localFinished(int index, SlotRunner.Outcome<MemberFit> outcome) {
        int family = index / seriesCount;
        local[family][index % seriesCount] = outcome.value();
        if (++finished[family] == seriesCount) {
            score(local[family]);
        }
        report();
    }

    /** A global family's fit finished: its per-series members, or {@code null} when it failed. */
    void globalFinished(MemberFit[] perSeries) {
        if (perSeries != null) {
            score(perSeries);
        }
        report();
    }

    private void score(MemberFit[] fits) {
        double mase = backtests.family(fits).mase();
        if (Double.isFinite(mase) && !(mase >= best)) {
            best = mase;
        }
    }

    private void report() {
        done++;
        listener.fitted(done, total, best, (clock.millis() - t0) / 1000.0);
    }
}
