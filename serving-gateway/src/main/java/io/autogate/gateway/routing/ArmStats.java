package io.autogate.gateway.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;

/**
 * Request, error and latency counts for one arm since this object was created. Latencies go
 * into an HdrHistogram in microseconds (1 us to 10 minutes, 2 significant digits, so percentiles
 * are within 1%; longer latencies count as 10 minutes). Recording is lock-free and allocation-free
 * so it can sit on the request path; {@link #snapshot()} copies the histogram and is meant for
 * admin views and guard checks. Thread-safe; a snapshot taken while requests are recorded may
 * count a request in {@code requests} but not yet in the latency percentiles.
 */
public final class ArmStats {
    private static final long MAX_MICROS = 600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHistogram latencyMicros;

    /** Empty stats. */
    public ArmStats() {
        this.latencyMicros = new ConcurrentHistogram(1, MAX_MICROS, SIGNIFICANT_DIGITS);
    }

    private ArmStats(ConcurrentHistogram latencyMicros) {
        this.latencyMicros = latencyMicros;
    }

    /** Counts one request, its latency in milliseconds and whether it failed. */
    public void record(double latencyMillis, boolean error) {
        requests.increment();
        if (error) {
            errors.increment();
        }
        long micros = Math.round(latencyMillis * 1000.0);
        latencyMicros.recordValue(Math.clamp(micros, 1L, MAX_MICROS));
    }

    /** Requests counted so far. */
    public long requests() {
        return requests.sum();
    }

    /** Failed requests counted so far. */
    public long errors() {
        return errors.sum();
    }

    /** The counts and latency percentiles now. */
    public Snapshot snapshot() {
        long n = requests.sum();
        long e = errors.sum();
        ConcurrentHistogram copy = latencyMicros.copy();
        boolean empty = copy.getTotalCount() == 0;
        return new Snapshot(n, e, n == 0 ? 0.0 : (double) e / n,
                empty ? 0.0 : copy.getValueAtPercentile(50) / 1000.0,
                empty ? 0.0 : copy.getValueAtPercentile(99) / 1000.0,
                empty ? 0.0 : copy.getMaxValue() / 1000.0);
    }

    /** The counts and the compressed latency histogram, for persisting; see {@link #restore}. */
    public State state() {
        ConcurrentHistogram copy = latencyMicros.copy();
        ByteBuffer buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
        int length = copy.encodeIntoCompressedByteBuffer(buffer);
        return new State(requests.sum(), errors.sum(), Base64.getEncoder().encodeToString(
                Arrays.copyOf(buffer.array(), length)));
    }

    /** Stats that continue from a persisted {@link State}; a damaged histogram throws IllegalArgumentException. */
    public static ArmStats restore(State state) {
        ConcurrentHistogram histogram;
        try {
            histogram = ConcurrentHistogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(state.latencyHistogram())), MAX_MICROS);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("latency histogram is not valid: " + e.getMessage(), e);
        }
        ArmStats stats = new ArmStats(histogram);
        stats.requests.add(state.requests());
        stats.errors.add(state.errors());
        return stats;
    }

    /**
     * Counts and latencies at one moment. Latencies are in milliseconds and 0 when nothing was
     * recorded; {@code errorRate} is 0 without requests.
     */
    public record Snapshot(long requests, long errors, double errorRate, double p50Millis, double p99Millis,
                           double maxMillis) {
        /** As JSON: requests, errors, error_rate, p50_ms, p99_ms, max_ms. */
        public ObjectNode toJson() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("requests", requests);
            out.put("errors", errors);
            out.put("error_rate", errorRate);
            out.put("p50_ms", p50Millis);
            out.put("p99_ms", p99Millis);
            out.put("max_ms", maxMillis);
            return out;
        }
    }

    /**
     * Persistable stats: counts and the latency histogram, HdrHistogram's compressed encoding in Base64.
     */
    public record State(long requests, long errors, String latencyHistogram) {
    }
}
