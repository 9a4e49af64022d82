package io.autogate.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (the HTTP load generator, Debian package {@code wrk}) with a POST body and reads its
 * summary through a Lua {@code done} hook that prints one JSON line.
 *
 * @param threads     wrk threads
 * @param connections open connections
 * @param seconds     measured duration
 * @param workDir     where the Lua script and body files go
 * @param pinning     the CPUs wrk may use
 */
public record Wrk(int threads, int connections, int seconds, Path workDir, CpuPinning pinning) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = """
            local f = assert(io.open(os.getenv("WRK_BODY_FILE"), "rb"))
            wrk.method = "POST"
            wrk.body = f:read("*a")
            f:close()
            wrk.headers["Content-Type"] = "application/json"
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('{"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx":%d,' ..
                '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\\n', summary.requests, summary.duration,
                e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50),
                latency:percentile(90), latency:percentile(99), latency.max))
            end
            """;

    /** One wrk run's figures. */
    public record Result(String name, double requestsPerSecond, long requests, long socketErrors, long non2xx,
                         double p50Millis, double p90Millis, double p99Millis, double maxMillis) {
    }

    /** Loads {@code url} with {@code body} for the configured time and returns the figures. */
    public Result run(String name, String url, String body) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("wrk-json.lua");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Path bodyFile = workDir.resolve("request-body.json");
        Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(pinning.client(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "5s", "-s", script.toString(), url))).redirectErrorStream(true);
        pb.environment().put("WRK_BODY_FILE", bodyFile.toString());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("wrk failed on " + url + ":\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("{\"requests\"")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("wrk printed no summary:\n" + output));
        JsonNode s = JSON.readTree(line);
        double secondsMeasured = s.get("duration_us").asDouble() / 1e6;
        return new Result(name, s.get("requests").asLong() / secondsMeasured, s.get("requests").asLong(),
                s.get("socket_errors").asLong(), s.get("non_2xx").asLong(), s.get("p50_us").asDouble() / 1e3,
                s.get("p90_us").asDouble() / 1e3, s.get("p99_us").asDouble() / 1e3, s.get("max_us").asDouble() / 1e3);
    }
}
