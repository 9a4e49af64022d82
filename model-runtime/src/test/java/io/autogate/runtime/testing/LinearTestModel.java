package io.autogate.runtime.testing;

import io.autogate.runtime.model.NumericModel;

/**
 * A small real model for runtime tests: class probabilities from a softmax over per-class weight
 * vectors (classification) or a dot product (regression, one weight row).
 */
public record LinearTestModel(double[][] weights, boolean classification) implements NumericModel {
    @Override
    public double[][] score(double[][] features) {
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            double[] z = new double[weights.length];
            for (int c = 0; c < weights.length; c++) {
                for (int j = 0; j < features[i].length && j < weights[c].length; j++) {
                    z[c] += weights[c][j] * features[i][j];
                }
            }
            if (classification) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < z.length; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                for (int c = 0; c < z.length; c++) {
                    z[c] /= sum;
                }
            }
            out[i] = z;
        }
        return out;
    }

    @Override
    public String formatId() {
        return LinearTestFormat.ID;
    }
}
