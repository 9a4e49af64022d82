package io.autogate.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the gateway benchmark's {@code gateway.md} (with targets and verdicts) and {@code gateway.json}. */
final class GatewayReport {
    /** Gateway throughput must reach this share of the bare server's. */
    static final double THROUGHPUT_SHARE_TARGET = 0.50;
    /** Gateway p99 latency target in milliseconds. */
    static final double P99_TARGET_MS = 10.0;
    /** Shadow policy throughput must reach this share of the single policy's. */
    static final double SHADOW_SHARE_TARGET = 0.85;
    /** Batch rows per second target. */
    static final double BATCH_ROWS_TARGET = 100_000;

    private GatewayReport() {
    }

    static void write(GatewayBenchmarkOptions options, List<Map<String, Object>> training, List<Round> rounds,
                      List<ShadowRound> shadowRounds, List<Wrk.Result> others, BatchLoad.Result batch,
                      JsonNode shadowReport) throws IOException {
        Round median = Round.median(rounds);
        ShadowRound medianShadow = ShadowRound.median(shadowRounds);
        Wrk.Result model = median.gateway();
        List<Wrk.Result> results = new ArrayList<>(List.of(median.bare(), median.bareModel(), model,
                medianShadow.single(), medianShadow.shadow()));
        results.addAll(others);
        double share = median.shareOfBare();
        double modelBoundShare = median.shareOfModelBound();
        double shadowShare = medianShadow.shareOfSingle();
        StringBuilder md = new StringBuilder();
        md.append("# Gateway benchmark\n\n");
        md.append("Reproduce: `").append(options.command()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Run %s on %d cores; wrk -t2 -c%d, %d s per run after a %d s warm-up "
                + "(JIT) of each server, loopback only, one server loaded at a time. The bare server, the model-bound "
                + "server, the gateway's model route and its single and shadow endpoints run side by side and are "
                + "measured in %d interleaved rounds; the throughput targets use the round with the median share of "
                + "the bare server, the shadow target the round with the median shadow share. One adult-income row "
                + "per request (14 raw columns, JSON, numbers as the CSV writes them: `39`, not `39.0`).%s%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(),
                options.connections(), options.seconds(), options.warmupSeconds(), rounds.size(),
                pinningText(options.pinning())));
        md.append("Model: `adult-gbm`, `bin/autogate train --families xgboost --max-trials 1 --refit` on adult-income "
                + "(seeds 42 → @1, 43 → @2): ").append(training.get(0).get("best_model")).append(", validation ")
                .append(training.get(0).get("metric")).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", (Double) training.get(0).get("validation_score")))
                .append(" (").append(training.get(0).get("validation")).append("); final model: ")
                .append(training.get(0).get("final_fit")).append(". For comparison `adult-gbm-bagged` is the same "
                + "run without `--refit` (final model: ").append(training.get(2).get("final_fit"))
                .append(").\n\n");
        md.append("| round | bare Vert.x req/s | model-bound req/s | gateway model route req/s | gateway / bare "
                + "| gateway / model-bound |\n|---:|---:|---:|---:|---:|---:|\n");
        for (int r = 0; r < rounds.size(); r++) {
            Round round = rounds.get(r);
            md.append(String.format(Locale.ROOT, "| %d%s | %,.0f | %,.0f | %,.0f | %.1f%% | %.1f%% |%n", r + 1,
                    round == median ? " (median)" : "", round.bare().requestsPerSecond(),
                    round.bareModel().requestsPerSecond(), round.gateway().requestsPerSecond(),
                    100 * round.shareOfBare(), 100 * round.shareOfModelBound()));
        }
        md.append("\n| round | endpoint, single policy req/s | endpoint, shadow policy req/s | shadow / single |\n"
                + "|---:|---:|---:|---:|\n");
        for (int r = 0; r < shadowRounds.size(); r++) {
            ShadowRound round = shadowRounds.get(r);
            md.append(String.format(Locale.ROOT, "| %d%s | %,.0f | %,.0f | %.1f%% |%n", r + 1,
                    round == medianShadow ? " (median)" : "", round.single().requestsPerSecond(),
                    round.shadow().requestsPerSecond(), 100 * round.shareOfSingle()));
        }
        md.append("\nThe median rounds' runs, then the bagged model:\n\n");
        md.append("| run | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Wrk.Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %d |%n", r.name(),
                    r.requestsPerSecond(), r.p50Millis(), r.p90Millis(), r.p99Millis(), r.maxMillis(), r.non2xx(),
                    r.socketErrors()));
        }
        md.append(String.format(Locale.ROOT, "%nBatch: %,d CSV rows (%.1f MB) streamed to `/v1/models/adult-gbm/batch` "
                + "and read back as they came: %,.0f rows/s (%.2f s, %,d rows answered, %d error rows).%n%n",
                batch.rowsSent(), batch.bytesIn() / 1e6, batch.rowsPerSecond(), batch.seconds(), batch.rowsAnswered(),
                batch.errorRows()));
        md.append(String.format(Locale.ROOT, "The model alone bounds any server: scored on a worker pool behind a bare "
                + "Vert.x server, as the gateway scores, it allows %.1f%% of the bare server's throughput; the gateway's "
                + "model route reaches %.1f%% of that model-bound ceiling (its own routing, validation, metrics and "
                + "logging cost the rest).%n%n", 100 * median.modelBoundShareOfBare(), 100 * modelBoundShare));
        md.append("Shadow endpoint report after its runs: ").append(shadowSummary(shadowReport)).append("\n\n");
        md.append("| target | measured | verdict |\n|---|---|---|\n");
        verdict(md, "throughput ≥ 50% of the bare server", String.format(Locale.ROOT, "%.1f%%", 100 * share),
                share >= THROUGHPUT_SHARE_TARGET);
        verdict(md, "p99 ≤ 10 ms (model route)", String.format(Locale.ROOT, "%.2f ms", model.p99Millis()),
                model.p99Millis() <= P99_TARGET_MS);
        verdict(md, "shadow ≥ 85% of single", String.format(Locale.ROOT, "%.1f%%", 100 * shadowShare),
                shadowShare >= SHADOW_SHARE_TARGET);
        verdict(md, "batch ≥ 100k rows/s", String.format(Locale.ROOT, "%,.0f rows/s", batch.rowsPerSecond()),
                batch.rowsPerSecond() >= BATCH_ROWS_TARGET);
        Files.createDirectories(options.results());
        Files.writeString(options.results().resolve("gateway.md"), md.toString(), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", options.command());
        json.put("training", training);
        json.put("rounds", rounds);
        json.put("shadow_rounds", shadowRounds);
        json.put("wrk", results);
        json.put("batch", Map.of("rows", batch.rowsAnswered(), "seconds", batch.seconds(), "rows_per_second",
                batch.rowsPerSecond(), "error_rows", batch.errorRows()));
        json.put("shadow_report", shadowReport);
        json.put("throughput_share_of_bare", share);
        json.put("throughput_share_of_model_bound_ceiling", modelBoundShare);
        json.put("shadow_share_of_single", shadowShare);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(options.results().resolve("gateway.json").toFile(), json);
    }

    private static String shadowSummary(JsonNode report) {
        JsonNode shadow = report.path("shadow");
        return String.format(Locale.ROOT, "%,d rows compared with the shadow, agreement %s; %,d copies shed (inference "
                + "pool saturated), %,d dropped (shadow queue full), %d failed", shadow.path("classified").asLong(),
                shadow.path("agreement_rate").asText("n/a"), shadow.path("shed_copies").asLong(),
                shadow.path("dropped_copies").asLong(), shadow.path("failed_copies").asLong());
    }

    private static void verdict(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "**not met**")
                .append(" |\n");
    }

    private static String pinningText(CpuPinning pinning) {
        return pinning.pinned() ? " Pinned (`--pin`): the servers run on CPU " + pinning.servers() + " only (taskset), wrk on CPU "
                + pinning.client() + ", so client and servers do not share cores; the batch client is not pinned."
                : " Client and servers share the cores, as the issue's method has it (`--pin` separates them).";
    }
}
