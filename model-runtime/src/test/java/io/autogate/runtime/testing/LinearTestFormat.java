package io.autogate.runtime.testing;

/** Stores {@link LinearTestModel}s as JSON, for registry tests independent of ML libraries. */
public final class LinearTestFormat extends JsonTestFormat {
    /** The format id. */
    public static final String ID = "test-linear-json";

    /** The format (public for the service loader). */
    public LinearTestFormat() {
        super(ID, LinearTestModel.class);
    }
}
