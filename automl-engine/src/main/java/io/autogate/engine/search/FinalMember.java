package io.autogate.engine.search;

import io.autogate.runtime.predict.FittedFold;
import java.util.List;

/** A member of the final model: the trial it comes from, its weight and its fitted folds. */
public record FinalMember(Trial trial, double weight, List<FittedFold> folds) {
    public FinalMember {
        folds = List.copyOf(folds);
    }

    /**
     * The weighted out-of-fold predictions of members over {@code rows} dataset rows, from each
     * member's kept trial models; rows no member validated are {@code null}.
     */
    public static double[][] combinedOutOfFold(List<FinalMember> members, java.util.Map<Integer, TrialModels> kept,
            int rows) {
        double[][] out = new double[rows][];
        for (FinalMember m : members) {
            double[][] oof = kept.get(m.trial().id()).outOfFold();
            for (int i = 0; i < oof.length; i++) {
                if (oof[i] == null) {
                    continue;
                }
                if (out[i] == null) {
                    out[i] = new double[oof[i].length];
                }
                for (int k = 0; k < oof[i].length; k++) {
                    out[i][k] += m.weight() * oof[i][k];
                }
            }
        }
        return out;
    }
}
