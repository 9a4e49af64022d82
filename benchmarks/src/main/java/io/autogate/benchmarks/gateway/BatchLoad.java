package io.autogate.benchmarks.gateway;

import io.autogate.benchmarks.CsvTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch measure: a CSV of {@code rows} rows (the dataset's feature columns, its rows repeated)
 * streamed to a batch route with the JDK HTTP client while the answer is read as it arrives;
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

    /** Posts the file to {@code url} as text/csv and counts the answered rows and error rows. */
    static Result run(String url, Path input, long rows) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(input)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("batch answered HTTP " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        long lines = 0;
        long errorLines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        boolean lineHasText = false;
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
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
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rows, lines - 1, Math.max(0, errorLines - 1), seconds, Files.size(input), bytes);
    }
}
