package io.autogate.engine.robustness;

import java.util.Locale;

/**
 * How the final model is chosen among the checked candidates. Every formula is on the primary
 * metric's loss scale (lower is better; AUC enters as {@code -auc}), over the shifted splits every
 * candidate was scored on:
 * <ul>
 *   <li>{@code iid}: {@code L_iid}, the out-of-fold loss (the search's own pick, an ensemble
 *       when that scores better);</li>
 *   <li>{@code robust}: {@code L_worst = max_s L_s}, the worst loss over the shifted splits
 *       (ties: lower {@code L_iid});</li>
 *   <li>{@code balanced}: {@code (L_iid + mean_s L_s) / 2 + (L_worst - mean_s L_s) / 4}:
 *       half iid, half shifted, where the shifted half counts the mean split and a quarter of
 *       the gap to the worst one.</li>
 * </ul>
 * A candidate without shifted scores gets {@code L_worst = mean = L_iid}.
 */
public enum SelectionPolicy {
    /** Best out-of-fold score. */
    IID,
    /** Best worst case over the shifted splits. */
    ROBUST,
    /** Half iid, half shifted (mean plus a quarter of the gap to the worst). */
    BALANCED;

    /** The policy named {@code iid}, {@code robust} or {@code balanced}. */
    public static SelectionPolicy parse(String text) {
        for (SelectionPolicy p : values()) {
            if (p.id().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--select '" + text + "' is not one of iid, robust, balanced");
    }

    /** The policy's name on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy's loss of a candidate; the lowest is chosen. */
    public double score(double iidLoss, double meanShiftedLoss, double worstShiftedLoss) {
        return switch (this) {
            case IID -> iidLoss;
            case ROBUST -> worstShiftedLoss;
            case BALANCED -> (iidLoss + meanShiftedLoss) / 2 + (worstShiftedLoss - meanShiftedLoss) / 4;
        };
    }
}
