package io.autogate.benchmarks.gateway;

import java.util.List;

/**
 * The endpoint half of one interleaved round of the gateway benchmark: the single-policy endpoint
 * and the shadow-policy endpoint, loaded one after the other right after the round's
 * {@link Round}, so a machine that drifts moves both alike.
 *
 * @param single the endpoint whose policy is one model
 * @param shadow the endpoint whose primary is the same model, with a shadow copy to another
 */
record ShadowRound(Wrk.Result single, Wrk.Result shadow) {

    /** The shadow endpoint's throughput as a share of the single endpoint's in this round. */
    double shareOfSingle() {
        return shadow.requestsPerSecond() / single.requestsPerSecond();
    }

    /** The round with the median shadow share (the lower middle one of an even count). */
    static ShadowRound median(List<ShadowRound> rounds) {
        return Round.lowerMedian(rounds, ShadowRound::shareOfSingle);
    }
}
