package io.autogate.benchmarks;

import java.util.List;

/**
 * The totals of a benchmark run.
 *
 * @param datasets         datasets run
 * @param compared         datasets on which both systems produced a score
 * @param wins             datasets where Autogate's test metric is strictly better than H2O's
 * @param ties             datasets with equal test metrics
 * @param losses           datasets where H2O's test metric is strictly better
 * @param withinTolerance  compared datasets where Autogate is within 1% of H2O or better
 * @param mostWithinTolerance whether that holds on more than half of the datasets run
 * @param targetsMet       quality targets met by Autogate
 * @param targets          datasets that have a quality target
 * @param autogateFailures datasets where Autogate failed (skipped runs do not count)
 * @param h2oFailures      datasets where H2O failed (skipped runs do not count)
 */
public record ReportSummary(int datasets, int compared, int wins, int ties, int losses, int withinTolerance,
                            boolean mostWithinTolerance, int targetsMet, int targets, int autogateFailures,
                            int h2oFailures) {

    /** Adds up the outcomes. */
    public static ReportSummary of(List<DatasetOutcome> outcomes) {
        int compared = 0;
        int wins = 0;
        int ties = 0;
        int losses = 0;
        int within = 0;
        int targetsMet = 0;
        int targets = 0;
        int autogateFailures = 0;
        int h2oFailures = 0;
        for (DatasetOutcome outcome : outcomes) {
            if (outcome.compared()) {
                compared++;
                switch (outcome.comparison()) {
                    case WIN -> wins++;
                    case TIE -> ties++;
                    case LOSS -> losses++;
                }
                if (outcome.withinTolerance()) {
                    within++;
                }
            }
            if (outcome.targetMet() != null) {
                targets++;
                if (outcome.targetMet()) {
                    targetsMet++;
                }
            }
            if (outcome.autogate().status() == RunStatus.FAILED) {
                autogateFailures++;
            }
            if (outcome.h2o().status() == RunStatus.FAILED) {
                h2oFailures++;
            }
        }
        return new ReportSummary(outcomes.size(), compared, wins, ties, losses, within,
                within * 2 > outcomes.size(), targetsMet, targets, autogateFailures, h2oFailures);
    }
}
