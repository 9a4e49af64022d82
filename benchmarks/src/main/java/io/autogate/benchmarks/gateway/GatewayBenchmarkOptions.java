package io.autogate.benchmarks.gateway;

import java.nio.file.Path;

/**
 * Settings of the gateway benchmark.
 *
 * @param repo        the Autogate repository (holds {@code bin/autogate})
 * @param datasets    the shared datasets folder
 * @param seconds     measured seconds per wrk run
 * @param warmupSeconds unmeasured wrk seconds before each server's first run (the JIT needs about 20 s on 2 cores)
 * @param rounds      interleaved rounds of bare server, model-bound server and gateway model route
 * @param connections wrk connections
 * @param batchRows   rows in the streamed batch body
 * @param pinning     where servers and wrk run ({@code --pin SERVER_CPUS:CLIENT_CPUS}; default anywhere)
 * @param results     folder for gateway.md and gateway.json
 * @param command     the reproducing command, as written in the report
 */
public record GatewayBenchmarkOptions(Path repo, Path datasets, int seconds, int warmupSeconds, int rounds,
                                      int connections, long batchRows, CpuPinning pinning,
                                      Path results, String command) {

    /** Parses {@code --name value} pairs; unknown names are an error. */
    public static GatewayBenchmarkOptions parse(String[] args) {
        Path repo = Path.of(".");
        Path datasets = null;
        int seconds = 20;
        int warmupSeconds = 20;
        int rounds = 3;
        int connections = 16;
        long batchRows = 1_000_000;
        CpuPinning pinning = CpuPinning.NONE;
        Path results = null;
        String command = "benchmarks/run-gateway.sh";
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--repo" -> repo = Path.of(value);
                case "--datasets" -> datasets = Path.of(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmupSeconds = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--batch-rows" -> batchRows = Long.parseLong(value);
                case "--pin" -> pinning = CpuPinning.parse(value);
                case "--results" -> results = Path.of(value);
                case "--command" -> command = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in --name value pairs");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        repo = repo.toAbsolutePath().normalize();
        return new GatewayBenchmarkOptions(repo, datasets == null ? repo.resolveSibling("shared/datasets") : datasets,
                seconds, warmupSeconds, rounds, connections, batchRows, pinning,
                results == null ? repo.resolve("benchmarks/results") : results, command);
    }
}
