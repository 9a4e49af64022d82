package io.autogate.gateway.routing;

import java.time.Instant;
import java.util.Locale;

/**
 * One change of a canary rollout: when, the candidate's traffic share before and after (in
 * percent), what happened and why.
 */
public record CanaryEvent(Instant time, double fromPercent, double toPercent, Action action, String reason) {
    /** What a canary event did. */
    public enum Action {
        /** The rollout began at its first step. */
        START,
        /** A step passed; the candidate moved to the next step or, after the last, took all traffic. */
        PROMOTE,
        /** A guard was breached; all traffic went back to stable. */
        ROLLBACK;

        /** The lower-case name used in JSON. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The action for a JSON name; unknown names throw IllegalArgumentException. */
        public static Action fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
