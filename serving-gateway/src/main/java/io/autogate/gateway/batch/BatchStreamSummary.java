package io.autogate.gateway.batch;

/**
 * What one streamed batch request did: rows answered, how many of them carry an error, and the
 * most input ever held at once (rows parsed but not yet written, and bytes of an unfinished record)
 * to show that memory stayed bounded.
 */
public record BatchStreamSummary(long rows, long errorRows, int peakPendingRows, int peakBufferedBytes) {
}
