package io.autogate.benchmarks.gateway;

import io.autogate.benchmarks.CsvTable;
import java.io.BufferedWriter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The batch measure: a CSV of {@code rows} rows (the dataset's feature columns, its rows repeated)
 * streamed to a batch route with the Vert.x HTTP client while the answer is read as it arrives;
 * rows per second from the first byte sent to the last byte received.
 */
final class BatchLoad {
    private BatchLoad() {
    }

    /** One batch run's figures. */
    record Result(long rowsSent, long rowsAnswered, long errorRows, double seconds, long bytesIn, long bytesOut) {
        double rowsPerSecond() {
            return rowsAnswered / seconds;
        }
    }

    /** Writes the input CSV (features of {@code data}, without {@code target}) repeated to {@code rows} rows. */
    static Path writeInput(CsvTable data, String target, long rows, Path file) throws IOException {
        int skip = data.columnIndex(target);
        List<String> header = new ArrayList<>(data.header());
        header.remove(skip);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", header.stream().map(CsvTable::quote).toList()));
            out.write('\n');
            for (long i = 0; i < rows; i++) {
                List<String> row = data.rows().get((int) (i % data.rowCount()));
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    if (c == skip) {
                        continue;
                    }
                    if (line.length() > 0) {
                        line.append(',');
                    }
                    line.append(CsvTable.quote(row.get(c)));
                }
                out.write(line.toString());
                out.write('\n');
            }
        }
        return file;
    }

    /**
     * Posts the file to {@code url} as text/csv and counts the answered rows and error rows. The
     * Vert.x client reads the answer while the body is still being sent (HTTP/1.1, full duplex);
     * the JDK client does not over HTTP/1.1, and with both socket buffers full the two sides wait
     * on each other.
     */
    static Result run(String url, Path input, long rows) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        Vertx vertx = Vertx.vertx();
        try {
            LineCounter counter = new LineCounter();
            CompletableFuture<Void> done = new CompletableFuture<>();
            String length = Long.toString(Files.size(input));
            long start = System.nanoTime();
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setIdleTimeout(120));
            AsyncFile file = vertx.fileSystem().openBlocking(input.toString(), new OpenOptions().setRead(true));
            client.request(HttpMethod.POST, uri.getPort(), uri.getHost(), uri.getRawPath())
                    .compose(request -> request.putHeader("Content-Type", "text/csv")
                            .putHeader("Content-Length", length).send(file))
                    .onSuccess(response -> {
                        if (response.statusCode() != 200) {
                            response.body().onComplete(body -> done.completeExceptionally(new IOException(
                                    "batch answered HTTP " + response.statusCode() + ": "
                                            + (body.succeeded() ? body.result().toString() : ""))));
                            return;
                        }
                        response.handler(counter::add).exceptionHandler(done::completeExceptionally)
                                .endHandler(v -> done.complete(null));
                    })
                    .onFailure(done::completeExceptionally);
            try {
                done.get(30, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("batch run failed: " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(rows, counter.lines - 1, Math.max(0, counter.errorLines - 1), seconds, Files.size(input),
                    counter.bytes);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Counts answer lines, and those whose last (error) column is not empty. Used on one event loop. */
    private static final class LineCounter {
        private long lines;
        private long errorLines;
        private long bytes;
        private boolean lineHasText;

        void add(Buffer chunk) {
            bytes += chunk.length();
            for (int i = 0; i < chunk.length(); i++) {
                byte b = chunk.getByte(i);
                if (b == '\n') {
                    lines++;
                    if (lineHasText) {
                        errorLines++;
                    }
                    lineHasText = false;
                } else {
                    // a row whose last (error) column is not empty ends with a character other than ','
                    lineHasText = b != ',' && b != '\r';
                }
            }
        }
    }
}
