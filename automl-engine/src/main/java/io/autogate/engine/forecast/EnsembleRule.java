package io.autogate.engine.forecast;

/**
 * How the trainer combines the families ranked by backtest MASE into the ensemble.
 */
public enum EnsembleRule {
    /** The top k (k ≤ 4) with weights 1/MASE, k chosen by the ensemble's own backtest MASE. */
    SELECT_K,
    /** The top 3 with weights 1/MASE (no choice of k, so nothing is fitted to the backtest beyond the ranking). */
    TOP3_INVERSE_MASE,
    /** The top 3, equally weighted (the M4 lesson: simple combinations of good models are hard to beat). */
    TOP3_EQUAL;

    /** The name on the command line and in the artifact. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
