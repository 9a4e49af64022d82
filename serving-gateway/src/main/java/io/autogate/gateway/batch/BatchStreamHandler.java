package io.autogate.gateway.batch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.Executor;

/**
 * Streams a batch scoring request: the request body is read chunk by chunk (the route must not
 * have a body handler), parsed into records, grouped into chunks of {@code chunkRows}, scored on the
 * inference executor (never on the event loop) and written, in input order, to a chunked 200
 * response of the same format. Memory stays bounded: the request is paused while
 * {@code maxChunksInFlight} chunks are being scored or the response's write queue is full, and
 * resumed when scoring catches up or the response drains.
 *
 * <p>Stateless and thread-safe; each call runs its own stream.
 */
public final class BatchStreamHandler {
    /** Rows per scoring chunk by default. */
    public static final int DEFAULT_CHUNK_ROWS = 1024;
    /** Chunks scored or waiting to be written at once by default. */
    public static final int DEFAULT_MAX_CHUNKS_IN_FLIGHT = 2;

    private final int chunkRows;
    private final int maxChunksInFlight;
    private final int maxRecordBytes;

    /** A handler with the default chunk size, in-flight limit and record length limit. */
    public BatchStreamHandler() {
        this(DEFAULT_CHUNK_ROWS, DEFAULT_MAX_CHUNKS_IN_FLIGHT, CsvChunkParser.DEFAULT_MAX_RECORD_BYTES);
    }

    /** A handler with the given chunk size, in-flight chunk limit and longest input record in bytes. */
    public BatchStreamHandler(int chunkRows, int maxChunksInFlight, int maxRecordBytes) {
        if (chunkRows < 1 || maxChunksInFlight < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("chunkRows, maxChunksInFlight and maxRecordBytes must be positive");
        }
        this.chunkRows = chunkRows;
        this.maxChunksInFlight = maxChunksInFlight;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Streams {@code request}'s body through {@code scorer} into {@code response}. Must be called on
     * the request's Vert.x context, before the body has been read. The returned future completes
     * when the response has ended, with the rows answered; it fails when the client goes away or
     * the stream breaks, and then scoring stops. When it fails before anything was written (for
     * example an {@link io.autogate.gateway.http.ApiException} for an unreadable CSV header, or a
     * rejected task on the executor), the response is left untouched for the caller's error
     * handler; after the first write a failure resets the response instead.
     */
    public Future<BatchStreamSummary> handle(HttpServerRequest request, HttpServerResponse response, BatchFormat format,
            BatchScorer scorer, BatchOutputSpec spec, Executor inferencePool) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("BatchStreamHandler.handle must run on a Vert.x context");
        }
        BatchStream stream = new BatchStream(context, request, response, format, format.newReader(maxRecordBytes),
                format.newWriter(spec), scorer, inferencePool, chunkRows, maxChunksInFlight);
        return stream.start();
    }
}
