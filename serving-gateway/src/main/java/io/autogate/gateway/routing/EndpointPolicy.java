package io.autogate.gateway.routing;

import java.util.List;

/**
 * What serves an endpoint: one model ({@link Single}), an A/B split ({@link AbTest}), a primary
 * with a shadow copy ({@link Shadow}) or a progressive rollout ({@link Canary}). Instances are
 * immutable and validated by {@link EndpointPolicies#parse}; JSON uses a {@code "type"}
 * discriminator ({@code single}, {@code ab}, {@code shadow}, {@code canary}).
 */
public sealed interface EndpointPolicy {
    /** The JSON {@code type} of this policy. */
    String type();

    /** The arms this policy can route to, in a stable order. */
    List<Arm> arms();

    /** Every request goes to one model; its arm is named {@code default}. */
    record Single(String model) implements EndpointPolicy {
        /** The name of the only arm. */
        public static final String ARM = "default";

        @Override
        public String type() {
            return "single";
        }

        @Override
        public List<Arm> arms() {
            return List.of(new Arm(ARM, model));
        }
    }

    /**
     * Requests are split between two or more arms by weight; with a {@code sticky} key the same
     * key always reaches the same arm.
     */
    record AbTest(List<WeightedArm> weightedArms, StickyKey sticky) implements EndpointPolicy {
        /** Copies the arm list; {@code sticky} may be null. */
        public AbTest {
            weightedArms = List.copyOf(weightedArms);
        }

        @Override
        public String type() {
            return "ab";
        }

        @Override
        public List<Arm> arms() {
            return weightedArms.stream().map(a -> new Arm(a.name(), a.model())).toList();
        }
    }

    /**
     * The {@code primary} answers every request; a {@code sample} share of requests, in (0, 1],
     * is also copied to the {@code shadow}, whose answers are compared but never returned.
     */
    record Shadow(String primary, String shadow, double sample) implements EndpointPolicy {
        /** The name of the arm that answers. */
        public static final String PRIMARY_ARM = "primary";
        /** The name of the arm that receives copies. */
        public static final String SHADOW_ARM = "shadow";

        @Override
        public String type() {
            return "shadow";
        }

        @Override
        public List<Arm> arms() {
            return List.of(new Arm(PRIMARY_ARM, primary), new Arm(SHADOW_ARM, shadow));
        }
    }

    /**
     * A progressive rollout: the {@code candidate} gets {@code steps[i]} percent of traffic, moving
     * to the next step after {@code minRequestsPerStep} candidate requests and
     * {@code minStepSeconds} seconds within the {@code guards}; a breach returns all traffic to
     * {@code stable}. {@code sticky} may be null.
     */
    record Canary(String stable, String candidate, List<Double> steps, long minRequestsPerStep,
                  long minStepSeconds, CanaryGuards guards, StickyKey sticky) implements EndpointPolicy {
        /** The name of the arm serving the current model. */
        public static final String STABLE_ARM = "stable";
        /** The name of the arm serving the new model. */
        public static final String CANDIDATE_ARM = "candidate";
        /** Steps used when the policy names none. */
        public static final List<Double> DEFAULT_STEPS = List.of(5.0, 25.0, 50.0, 100.0);
        /** Candidate requests a step needs by default. */
        public static final long DEFAULT_MIN_REQUESTS_PER_STEP = 200;
        /** Seconds a step lasts at least by default. */
        public static final long DEFAULT_MIN_STEP_SECONDS = 60;

        /** Copies the step list. */
        public Canary {
            steps = List.copyOf(steps);
        }

        @Override
        public String type() {
            return "canary";
        }

        @Override
        public List<Arm> arms() {
            return List.of(new Arm(STABLE_ARM, stable), new Arm(CANDIDATE_ARM, candidate));
        }
    }
}
