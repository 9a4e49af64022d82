package io.autogate.gateway.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchStreamHandlerTest {
    private static final int CHUNK_ROWS = 1024;

    private final AtomicLong scored = new AtomicLong();
    private volatile BatchScorer scorer = FakeScorers.threshold(scored);
    private final List<BatchStreamSummary> summaries = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private ExecutorService pool;
    private HttpClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        pool = Executors.newFixedThreadPool(2);
        BatchStreamHandler handler = new BatchStreamHandler(CHUNK_ROWS, 2, 1 << 16);
        BatchScorer delegating = rows -> scorer.score(rows);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            BatchFormat format = BatchFormat.fromContentType(request.getHeader("Content-Type")).orElseThrow();
            handler.handle(request, request.response(), format, delegating, FakeScorers.CLASSES, pool).onComplete(ar -> {
                if (ar.succeeded()) {
                    summaries.add(ar.result());
                } else {
                    failures.add(ar.cause());
                    if (!request.response().headWritten()) {
                        request.response().setStatusCode(400).end(ar.cause().getMessage());
                    }
                }
            });
        });
        port = get(server.listen(0, "127.0.0.1")).actualPort();
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        get(vertx.close());
        pool.shutdownNow();
    }

    @Test
    void csvRoundTripAppendsPredictionColumnsAndErrorRows() throws Exception {
        String body = "id,x,note\r\n1,9,\"multi\nline\"\r\n2,1,plain\r\n3,abc,x\r\n4,2\r\n";
        Response response = post("text/csv", body);
        assertEquals(200, response.status());
        assertEquals("text/csv", response.contentType());
        assertEquals(String.join("\n",
                "id,x,note,prediction,probability_no,probability_yes,model,error",
                "1,9,\"multi\nline\",yes,0.2,0.8,m@1,",
                "2,1,plain,no,0.9,0.1,m@1,",
                "3,abc,x,,,,m@1,\"x: must be a number, got 'abc'\"",
                "4,2,,,,,,\"row 4 has 2 fields, header has 3\"") + "\n", response.body());
        await().atMost(Duration.ofSeconds(5)).until(() -> summaries.size() == 1);
        assertEquals(4, summaries.get(0).rows());
        assertEquals(2, summaries.get(0).errorRows());
        assertEquals(3, scored.get());
    }

    @Test
    void ndjsonRoundTripKeepsObjectsAndMarksBadLines() throws Exception {
        Response response = post("application/x-ndjson", "{\"x\":7,\"id\":\"a\"}\n\nnot json\n{\"x\":3}");
        assertEquals(200, response.status());
        assertEquals("application/x-ndjson", response.contentType());
        String[] lines = response.body().split("\n");
        assertEquals(3, lines.length);
        assertEquals("{\"x\":7,\"id\":\"a\",\"prediction\":\"yes\",\"probabilities\":{\"no\":0.2,\"yes\":0.8},\"model\":\"m@1\"}", lines[0]);
        assertTrue(lines[1].startsWith("{\"model\":null,\"error\":\"line 3 is not valid JSON"), lines[1]);
        assertTrue(lines[2].contains("\"prediction\":\"no\""), lines[2]);
    }

    @Test
    void headerOnlyAndEmptyBodiesAnswerWithoutRows() throws Exception {
        assertEquals("x,prediction,probability_no,probability_yes,model,error\n", post("text/csv", "x").body());
        Response empty = post("application/x-ndjson", "");
        assertEquals(200, empty.status());
        assertEquals("", empty.body());
    }

    @Test
    void anUnreadableHeaderFailsBeforeAnythingIsWrittenSoTheCallerCanAnswer400() throws Exception {
        Response response = post("text/csv", "a".repeat(70_000) + "\n1\n");
        assertEquals(400, response.status());
        assertTrue(response.body().startsWith("CSV header cannot be read"), response.body());
        assertInstanceOf(ApiException.class, failures.get(0));
    }

    @Test
    void aLargeStreamedBodyGoesThroughInOrderWithBoundedBuffering() throws Exception {
        int rows = 200_000;
        LineChecker checker = new LineChecker();
        int status = get(client.request(HttpMethod.POST, port, "127.0.0.1", "/batch").compose(request -> {
            request.setChunked(true).putHeader("Content-Type", "text/csv");
            Future<Integer> done = request.response().compose(response -> {
                Promise<Integer> end = Promise.promise();
                response.handler(checker::accept);
                response.endHandler(v -> end.complete(response.statusCode()));
                response.exceptionHandler(end::tryFail);
                return end.future();
            });
            pump(request, new RowSource(rows));
            return done;
        }));
        assertEquals(200, status);
        assertEquals(rows, checker.dataLines);
        assertEquals(0, checker.outOfOrder);
        await().atMost(Duration.ofSeconds(5)).until(() -> summaries.size() == 1);
        BatchStreamSummary summary = summaries.get(0);
        assertEquals(rows, summary.rows());
        assertEquals(0, summary.errorRows());
        assertTrue(summary.peakPendingRows() <= 5 * CHUNK_ROWS, "peak pending rows " + summary.peakPendingRows());
        assertTrue(summary.peakBufferedBytes() < 64, "peak buffered bytes " + summary.peakBufferedBytes());
    }

    @Test
    void chunksScoredOutOfOrderAreWrittenInInputOrder() throws Exception {
        BatchScorer plain = FakeScorers.threshold(scored);
        CountDownLatch secondChunkScored = new CountDownLatch(1);
        scorer = rows -> {
            if (rows.get(0).get("id").equals("0")) {
                awaitQuietly(secondChunkScored);
            }
            List<ScoredRow> out = plain.score(rows);
            if (rows.get(0).get("id").equals(String.valueOf(CHUNK_ROWS))) {
                secondChunkScored.countDown();
            }
            return out;
        };
        RowSource source = new RowSource(3 * CHUNK_ROWS);
        StringBuilder body = new StringBuilder();
        while (source.hasNext()) {
            body.append(source.next().toString(StandardCharsets.UTF_8));
        }
        LineChecker checker = new LineChecker();
        checker.accept(Buffer.buffer(post("text/csv", body.toString()).body()));
        assertEquals(3 * CHUNK_ROWS, checker.dataLines);
        assertEquals(0, checker.outOfOrder);
        assertEquals(0, secondChunkScored.getCount());
    }

    @Test
    void aClientThatGoesAwayStopsTheStream() throws Exception {
        HttpClientRequest request = get(client.request(HttpMethod.POST, port, "127.0.0.1", "/batch"));
        request.setChunked(true).putHeader("Content-Type", "text/csv");
        RowSource source = new RowSource(Integer.MAX_VALUE);
        get(request.write(source.next()));
        get(request.response());
        request.reset();
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
        long seenAfterFailure = scored.get();
        assertTrue(seenAfterFailure <= 2000, "scored " + seenAfterFailure);
        assertTrue(summaries.isEmpty());
    }

    private void pump(HttpClientRequest request, RowSource source) {
        while (source.hasNext() && !request.writeQueueFull()) {
            request.write(source.next());
        }
        if (source.hasNext()) {
            request.drainHandler(v -> pump(request, source));
        } else {
            request.end();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response post(String contentType, String body) throws Exception {
        return get(client.request(HttpMethod.POST, port, "127.0.0.1", "/batch")
                .compose(request -> request.putHeader("Content-Type", contentType).send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Response(response.statusCode(),
                        response.getHeader("Content-Type"), b.toString(StandardCharsets.UTF_8)))));
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private record Response(int status, String contentType, String body) {
    }

    /** Generates CSV rows {@code id,x} on the fly, 2,000 rows per buffer. */
    private static final class RowSource {
        private final int rows;
        private int next;

        RowSource(int rows) {
            this.rows = rows;
        }

        boolean hasNext() {
            return next < rows;
        }

        Buffer next() {
            StringBuilder out = new StringBuilder(next == 0 ? "id,x\n" : "");
            for (int end = Math.min(rows, next + 2000); next < end; next++) {
                out.append(next).append(',').append(next % 10).append('\n');
            }
            return Buffer.buffer(out.toString());
        }
    }

    /** Checks streamed CSV output line by line: ids must come back 0, 1, 2, ... with the right label. */
    private static final class LineChecker {
        private final StringBuilder partial = new StringBuilder();
        private boolean headerSeen;
        private int dataLines;
        private int outOfOrder;

        void accept(Buffer buffer) {
            partial.append(buffer.toString(StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, newline);
                partial.delete(0, newline + 1);
                if (!headerSeen) {
                    headerSeen = true;
                    continue;
                }
                String label = dataLines % 10 > 5 ? "yes" : "no";
                if (!line.startsWith(dataLines + "," + dataLines % 10 + "," + label + ",")) {
                    outOfOrder++;
                }
                dataLines++;
            }
        }
    }
}
