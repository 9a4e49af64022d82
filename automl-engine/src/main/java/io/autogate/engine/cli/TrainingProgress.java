package io.autogate.engine.cli;

import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.Trial;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress on stderr: on a terminal a progress bar over the budget (or the trial
 * cap) with trials done and the best score so far; otherwise one line per finished trial.
 */
final class TrainingProgress implements SearchListener, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final Duration budget;

    TrainingProgress(PrintWriter err, Duration budget, Integer maxTrials) {
        this.err = err;
        this.budget = budget;
        if (System.console() != null) {
            long max = budget != null ? budget.toSeconds() : maxTrials;
            this.bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(max)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(budget != null ? "s" : " trials", 1)
                    .continuousUpdate().build();
        } else {
            this.bar = null;
        }
    }

    @Override
    public void trialFinished(Trial trial, Trial best, int trialsDone, double elapsedSeconds) {
        String bestText = best == null ? "none yet" : String.format(Locale.ROOT, "%s %s %.5f", best.candidate().family(),
                best.metrics().keySet().iterator().next(), best.metrics().values().iterator().next());
        if (bar != null) {
            bar.stepTo(budget != null ? Math.min(bar.getMax(), (long) elapsedSeconds) : trialsDone);
            bar.setExtraMessage(trialsDone + " trials, best " + bestText);
        } else {
            err.printf(Locale.ROOT, "[%6.1fs%s] trial %d %s %s %s; best %s%n", elapsedSeconds,
                    budget != null ? "/" + budget.toSeconds() + "s" : "", trial.id(), trial.candidate().family(),
                    trial.status(), trial.error() != null ? trial.error() : trial.metrics(), bestText);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
