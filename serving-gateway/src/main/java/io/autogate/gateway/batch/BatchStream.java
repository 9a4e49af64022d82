package io.autogate.gateway.batch;

import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Gzip;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One streamed batch request (see {@link BatchStreamHandler}). All fields except {@link #stopped}
 * are touched only on the request's context; scoring tasks run on the executor and report back to
 * the context, where their output is written in sequence order.
 */
final class BatchStream {
    private record ScoredChunk(byte[] bytes, int rows, int errorRows) {
    }

    private final Context context;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final BatchFormat format;
    private final BatchReader reader;
    private final BatchWriter writer;
    private final BatchScorer scorer;
    private final Executor pool;
    private final int chunkRows;
    private final int maxChunksInFlight;
    private final Promise<BatchStreamSummary> promise = Promise.promise();
    private final Map<Long, ScoredChunk> scoredOutOfOrder = new HashMap<>();

    private volatile boolean stopped;
    private List<BatchRecord> current;
    private long nextSequence;
    private long nextToWrite;
    private int chunksInFlight;
    private int pendingRows;
    private boolean paused;
    private boolean inputEnded;
    private boolean headerWritten;
    /**
     * The answer's body, gzipped for a client that accepts it; made at the first write (null until
     * anything is written), so an error before it is plain JSON.
     */
    private WriteStream<Buffer> body;
    private long rows;
    private long errorRows;
    private int peakPendingRows;
    private int peakBufferedBytes;

    BatchStream(Context context, HttpServerRequest request, HttpServerResponse response, BatchFormat format,
            BatchReader reader, BatchWriter writer, BatchScorer scorer, Executor pool, int chunkRows, int maxChunksInFlight) {
        this.context = context;
        this.request = request;
        this.response = response;
        this.format = format;
        this.reader = reader;
        this.writer = writer;
        this.scorer = scorer;
        this.pool = pool;
        this.chunkRows = chunkRows;
        this.maxChunksInFlight = maxChunksInFlight;
        this.current = new ArrayList<>(chunkRows);
    }

    Future<BatchStreamSummary> start() {
        response.setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, format.contentType());
        response.exceptionHandler(this::fail);
        response.closeHandler(v -> fail(new IOException("client closed the connection before the batch finished")));
        request.exceptionHandler(this::fail);
        request.endHandler(v -> onInputEnd());
        request.handler(this::onData);
        request.resume();
        return promise.future();
    }

    private void onData(Buffer buffer) {
        if (stopped) {
            return;
        }
        List<BatchRecord> records;
        try {
            records = reader.feed(buffer.getBytes());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        peakBufferedBytes = Math.max(peakBufferedBytes, reader.bufferedBytes());
        accept(records);
        if (stopped) {
            return;
        }
        if (!paused && (chunksInFlight >= maxChunksInFlight || response.writeQueueFull())) {
            paused = true;
            request.pause();
            if (response.writeQueueFull()) {
                response.drainHandler(v -> maybeResume());
            }
        }
    }

    private void onInputEnd() {
        if (stopped) {
            return;
        }
        inputEnded = true;
        List<BatchRecord> records;
        try {
            records = reader.finish();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        accept(records);
        if (!current.isEmpty() && !stopped) {
            submit();
        }
        if (chunksInFlight == 0 && !stopped) {
            complete();
        }
    }

    private void accept(List<BatchRecord> records) {
        writeHeaderOnce();
        for (BatchRecord record : records) {
            current.add(record);
            if (current.size() >= chunkRows) {
                submit();
                if (stopped) {
                    return;
                }
            }
        }
        peakPendingRows = Math.max(peakPendingRows, pendingRows + current.size());
    }

    private void writeHeaderOnce() {
        if (!headerWritten && reader.header().isPresent()) {
            headerWritten = true;
            write(writer.header(reader.header().get()));
        }
    }

    private void write(byte[] bytes) {
        if (bytes.length > 0) {
            if (body == null) {
                body = Gzip.stream(request, response);
            }
            body.write(Buffer.buffer(bytes));
        }
    }

    private void submit() {
        List<BatchRecord> chunk = current;
        current = new ArrayList<>(chunkRows);
        long sequence = nextSequence++;
        chunksInFlight++;
        pendingRows += chunk.size();
        peakPendingRows = Math.max(peakPendingRows, pendingRows);
        try {
            CompletableFuture.supplyAsync(() -> stopped ? null : scoreChunk(chunk), pool)
                    .whenComplete((scored, error) -> context.runOnContext(v -> onScored(sequence, scored, error)));
        } catch (RejectedExecutionException e) {
            fail(e);
        }
    }

    private ScoredChunk scoreChunk(List<BatchRecord> chunk) {
        List<ScoredRow> scored = ChunkScoring.score(chunk, scorer);
        return new ScoredChunk(writer.rows(chunk, scored), chunk.size(), ChunkScoring.errorCount(scored));
    }

    private void onScored(long sequence, ScoredChunk scored, Throwable error) {
        if (stopped) {
            return;
        }
        if (error != null) {
            fail(error);
            return;
        }
        scoredOutOfOrder.put(sequence, scored);
        ScoredChunk next;
        while ((next = scoredOutOfOrder.remove(nextToWrite)) != null) {
            nextToWrite++;
            write(next.bytes());
            rows += next.rows();
            errorRows += next.errorRows();
            pendingRows -= next.rows();
            chunksInFlight--;
        }
        if (inputEnded && chunksInFlight == 0) {
            complete();
        } else {
            maybeResume();
        }
    }

    private void maybeResume() {
        if (!paused || stopped || inputEnded || chunksInFlight >= maxChunksInFlight) {
            return;
        }
        if (response.writeQueueFull()) {
            response.drainHandler(v -> maybeResume());
            return;
        }
        paused = false;
        request.resume();
    }

    private void complete() {
        writeHeaderOnce();
        if (body == null && format == BatchFormat.CSV && reader.header().isEmpty()) {
            fail(ApiException.badRequest(
                    "the CSV body is empty: send a header row, then one row per line"));
            return;
        }
        stopped = true;
        BatchStreamSummary summary = new BatchStreamSummary(rows, errorRows, peakPendingRows, peakBufferedBytes);
        (body != null ? body.end() : response.end()).onComplete(ar -> {
            if (ar.succeeded()) {
                promise.tryComplete(summary);
            } else {
                promise.tryFail(ar.cause());
            }
        });
    }

    private void fail(Throwable cause) {
        if (stopped) {
            return;
        }
        stopped = true;
        scoredOutOfOrder.clear();
        if (body != null && !response.ended()) {
            response.reset();
        }
        if (paused) {
            request.resume();
        }
        promise.tryFail(cause);
    }
}
