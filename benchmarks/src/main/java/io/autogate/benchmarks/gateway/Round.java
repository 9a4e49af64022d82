package io.autogate.benchmarks.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One interleaved round of the gateway benchmark: the bare server, the model-bound server and the
 * gateway's model route, loaded one after the other within a minute or so.
 *
 * @param bare      the bare Vert.x server (the ceiling)
 * @param bareModel the bare Vert.x server scoring the same model (the model-bound ceiling)
 * @param gateway   the gateway's {@code /v1/models/{name}/predict}
 */
record Round(Wrk.Result bare, Wrk.Result bareModel, Wrk.Result gateway) {

    /** The gateway's throughput as a share of the bare server's in this round. */
    double shareOfBare() {
        return gateway.requestsPerSecond() / bare.requestsPerSecond();
    }

    /** The gateway's throughput as a share of the model-bound server's in this round. */
    double shareOfModelBound() {
        return gateway.requestsPerSecond() / bareModel.requestsPerSecond();
    }

    /** The model-bound server's throughput as a share of the bare server's in this round. */
    double modelBoundShareOfBare() {
        return bareModel.requestsPerSecond() / bare.requestsPerSecond();
    }

    /** The round with the median share of the bare server (the lower middle one of an even count). */
    static Round median(List<Round> rounds) {
        return lowerMedian(rounds, Round::shareOfBare);
    }

    /** The item with the median key (the lower middle one of an even count). */
    static <T> T lowerMedian(List<T> items, ToDoubleFunction<T> key) {
        List<T> sorted = items.stream().sorted(Comparator.comparingDouble(key)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
