package io.autogate.gateway.routing;

import java.util.Locale;

/** Where a canary rollout stands. */
public enum CanaryStatus {
    /** Stepping up the candidate's traffic share. */
    RUNNING,
    /** Every step passed; the candidate serves all traffic. */
    PROMOTED,
    /** A guard was breached; the stable model serves all traffic. */
    ROLLED_BACK;

    /** The lower-case name used in JSON, e.g. {@code rolled_back}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a JSON name; unknown names throw IllegalArgumentException. */
    public static CanaryStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
