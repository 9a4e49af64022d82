/**
 * What a finished search's final model leans on and where it errs, from its out-of-fold
 * predictions: {@link io.autogate.engine.insight.ModelInsights} builds the manifest's
 * {@link io.autogate.runtime.artifact.InsightCard} (permutation importance, confusion matrix or
 * predicted-vs-actual sample).
 */
package io.autogate.engine.insight;
