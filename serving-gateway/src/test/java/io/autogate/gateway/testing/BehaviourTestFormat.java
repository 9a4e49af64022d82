package io.autogate.gateway.testing;

import io.autogate.runtime.testing.JsonTestFormat;

/** Stores {@link BehaviourTestModel}s (models that throw or stall) as JSON, for failure tests. */
public final class BehaviourTestFormat extends JsonTestFormat {
    /** The format id. */
    public static final String ID = "test-behaviour-json";

    /** The format (public for the service loader). */
    public BehaviourTestFormat() {
        super(ID, BehaviourTestModel.class);
    }
}
