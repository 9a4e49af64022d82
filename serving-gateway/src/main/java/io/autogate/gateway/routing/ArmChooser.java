package io.autogate.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the arm that serves one request of one endpoint. With a sticky key the choice is a pure
 * function of {@code endpoint + "\u0000" + key} (SHA-256, first 53 bits as a uniform number in
 * [0, 1)), so a key always reaches the same arm while the weights stay the same, and different
 * endpoints split the same keys independently. Without a key the choice is random by weight from
 * the caller's {@link RandomGenerator}. Thread-safe when each thread passes its own generator (or a
 * thread-safe one).
 */
public final class ArmChooser {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private final String endpoint;

    /** A chooser for one endpoint; the endpoint name salts the sticky hash. */
    public ArmChooser(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The arm of an A/B policy for a request; {@code stickyKey} may be null for a random choice. */
    public Arm chooseAb(EndpointPolicy.AbTest policy, String stickyKey, RandomGenerator random) {
        List<WeightedArm> arms = policy.weightedArms();
        double total = 0;
        for (WeightedArm arm : arms) {
            total += arm.weight();
        }
        double point = unitPoint(stickyKey, random) * total;
        double cumulative = 0;
        for (WeightedArm arm : arms) {
            cumulative += arm.weight();
            if (point < cumulative) {
                return new Arm(arm.name(), arm.model());
            }
        }
        WeightedArm last = arms.getLast();
        return new Arm(last.name(), last.model());
    }

    /**
     * Whether a canary request goes to the candidate, which gets {@code percentCandidate} percent
     * of traffic. With a sticky key, a key on the candidate stays there as the percentage grows.
     */
    public boolean chooseCanary(double percentCandidate, String stickyKey, RandomGenerator random) {
        if (percentCandidate <= 0) {
            return false;
        }
        if (percentCandidate >= 100) {
            return true;
        }
        return unitPoint(stickyKey, random) * 100.0 < percentCandidate;
    }

    /** Whether a shadow policy copies this request to its shadow, by its sample share. */
    public static boolean sampleShadow(EndpointPolicy.Shadow policy, RandomGenerator random) {
        return policy.sample() >= 1.0 || random.nextDouble() < policy.sample();
    }

    /** The uniform point in [0, 1) for {@code endpoint + "\u0000" + key}. */
    double stickyPoint(String key) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] hash = digest.digest((endpoint + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    private double unitPoint(String stickyKey, RandomGenerator random) {
        return stickyKey == null ? random.nextDouble() : stickyPoint(stickyKey);
    }
}
