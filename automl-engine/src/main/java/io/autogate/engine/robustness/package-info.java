/**
 * Robustness checks on held-out shifted splits and the selection policies that use them.
 * {@link io.autogate.engine.robustness.ShiftedSplits} builds the splits from the data (out of
 * time, leave one domain out, feature-quantile tails, k-means cluster hold-out, the most
 * atypical rows by adversarial validation, perturbed copies); {@link
 * io.autogate.engine.robustness.RobustnessChecks} refits the top candidates on each within a
 * share of the run's budget and writes a {@link io.autogate.engine.robustness.RobustnessReport}
 * per candidate; {@link io.autogate.engine.robustness.SelectionPolicy} picks the final model.
 */
package io.autogate.engine.robustness;
