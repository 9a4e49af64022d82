package io.autogate.engine.search;

import java.util.Map;

/**
 * A configuration to try: the family, its complete parameters, where it came from (a portfolio
 * entry, TPE, random), the share of each fold's training rows it trains on (successive halving
 * starts small) and its seed.
 */
public record Candidate(String family, Map<String, Object> params, String origin, double fraction, long seed) {
    public Candidate {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
    }

    /** The same configuration trained on a different share of the rows. */
    public Candidate withFraction(double newFraction, String newOrigin) {
        return new Candidate(family, params, newOrigin, newFraction, seed);
    }
}
