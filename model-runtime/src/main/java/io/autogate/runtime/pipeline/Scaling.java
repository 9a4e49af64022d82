package io.autogate.runtime.pipeline;

/**
 * A standardisation {@code (v - mean) / std} fitted on training values; {@link #identity()}
 * leaves values unchanged. A standard deviation of 0 is stored as 1 so a constant column maps to
 * 0 instead of dividing by zero.
 */
public record Scaling(double mean, double std) {
    private static final Scaling IDENTITY = new Scaling(0, 1);

    public Scaling {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0) {
            throw new IllegalArgumentException("scaling needs a finite mean and a finite std >= 0, got mean="
                    + mean + " std=" + std);
        }
        if (std == 0) {
            std = 1;
        }
    }

    /** The scaling that leaves values unchanged. */
    public static Scaling identity() {
        return IDENTITY;
    }

    /** Standardises one value. */
    public double apply(double value) {
        return (value - mean) / std;
    }
}
