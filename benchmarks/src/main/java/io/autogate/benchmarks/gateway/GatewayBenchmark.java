package io.autogate.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.benchmarks.CsvTable;
import io.autogate.benchmarks.Folders;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway benchmark: wrk on loopback against {@code /v1/models/{name}/predict} for a
 * gradient-boosting (XGBoost) model trained on adult-income and refit on all rows ({@code --refit}), one
 * row per request, in the same run
 * as a bare Vert.x server that parses the same JSON body and answers a constant (the ceiling) and a
 * bare Vert.x server that scores the same model on a worker pool (the model-bound ceiling), then a
 * single-model endpoint and a shadow endpoint, the five measured one after the other in interleaved
 * rounds ({@code --rounds}, default 3); then the bagged model and the streamed CSV batch route.
 * Writes {@code gateway.md} and {@code gateway.json} in the results folder.
 *
 * <p>Usage (see {@code benchmarks/run-gateway.sh}, which builds first):
 * {@code GatewayBenchmark --repo DIR --datasets DIR [--seconds 20] [--rounds 3] [--connections 16] [--batch-rows 1000000]
 * [--results DIR] [--command TEXT]}.
 */
public final class GatewayBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "adult-gbm";
    private static final String BAGGED_MODEL = "adult-gbm-bagged";
    private static final String ADMIN_KEY = "gateway-benchmark";

    private GatewayBenchmark() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        GatewayBenchmarkOptions options = GatewayBenchmarkOptions.parse(args);
        Path work = Files.createTempDirectory("autogate-gateway-bench");
        Path registry = work.resolve("registry");
        Path adult = options.datasets().resolve("classification/adult-income.csv");
        List<Map<String, Object>> training = new ArrayList<>();
        for (long seed : new long[] {42, 43}) {
            training.add(train(options.repo(), adult, registry, seed, work, MODEL, true));
        }
        training.add(train(options.repo(), adult, registry, 42, work, BAGGED_MODEL, false));
        CsvTable data = CsvTable.read(adult);
        String body = "{\"rows\":[" + rowJson(data, 0, "income") + "]}";
        CpuPinning pinning = options.pinning();
        Wrk wrk = new Wrk(2, options.connections(), options.seconds(), work, pinning);
        Wrk warmup = new Wrk(2, options.connections(), options.warmupSeconds(), work, pinning);
        int cores = pinning.serverCpus();
        List<Wrk.Result> others = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        List<ShadowRound> shadowRounds = new ArrayList<>();

        int barePort = 18181;
        int modelPort = 18183;
        int port = 18182;
        String java = ProcessHandle.current().info().command().orElse("java");
        BatchLoad.Result batch;
        JsonNode shadowReport;
        // all three servers run at once and are measured in interleaved rounds, so that a machine
        // that speeds up or slows down over minutes moves every figure of a round alike
        try (ServerProcess bare = ServerProcess.start("bare Vert.x", pinning.server(List.of(java, "-cp",
                System.getProperty("java.class.path"), BareVertxServer.class.getName(), Integer.toString(barePort),
                Integer.toString(cores))), Map.of(), work.resolve("bare.log"), barePort, Duration.ofSeconds(30));
             ServerProcess bareModel = ServerProcess.start("bare Vert.x + model", pinning.server(modelBoundCommand(java,
                modelPort, cores, registry)), Map.of(), work.resolve("bare-model.log"),
                modelPort, Duration.ofSeconds(60));
             ServerProcess gateway = ServerProcess.start("gateway", pinning.server(List.of(
                options.repo().resolve("bin/autogate").toString(), "serve", "--registry", registry.toString(), "--port",
                Integer.toString(port), "--access-log", work.resolve("access.log").toString())),
                Map.of("AUTOGATE_ADMIN_KEY", ADMIN_KEY),
                work.resolve("gateway.log"), port, Duration.ofMinutes(3))) {
            String bareUrl = "http://127.0.0.1:" + barePort + "/";
            String bareModelUrl = "http://127.0.0.1:" + modelPort + "/";
            String base = "http://127.0.0.1:" + port;
            String modelUrl = base + "/v1/models/" + MODEL + "/predict";
            put(base + "/v1/endpoints/adult", "{\"type\":\"single\",\"model\":\"" + MODEL + "@1\"}");
            put(base + "/v1/endpoints/adult-shadow", "{\"type\":\"shadow\",\"primary\":\"" + MODEL + "@1\",\"shadow\":\""
                    + MODEL + "@2\"}");
            String endpointUrl = base + "/v1/endpoints/adult/predict";
            String shadowUrl = base + "/v1/endpoints/adult-shadow/predict";
            warmup.run("warmup-bare", bareUrl, body);
            warmup.run("warmup-bare-model", bareModelUrl, body);
            warmup.run("warmup-model", modelUrl, body);
            warmup.run("warmup-endpoint", endpointUrl, body);
            warmup.run("warmup-shadow", shadowUrl, body);
            for (int r = 1; r <= options.rounds(); r++) {
                rounds.add(new Round(wrk.run("bare Vert.x (ceiling)", bareUrl, body),
                        wrk.run("bare Vert.x + the same model (model-bound ceiling)", bareModelUrl, body),
                        wrk.run("gateway /v1/models/{name}/predict", modelUrl, body)));
                shadowRounds.add(new ShadowRound(wrk.run("gateway endpoint, single policy", endpointUrl, body),
                        wrk.run("gateway endpoint, shadow policy", shadowUrl, body)));
            }
            shadowReport = get(base + "/v1/endpoints/adult-shadow/report");
            String baggedUrl = base + "/v1/models/" + BAGGED_MODEL + "/predict";
            warmup.run("warmup-bagged", baggedUrl, body);
            others.add(wrk.run("gateway /v1/models/{name}/predict, bagged 3-fold model (no --refit)", baggedUrl, body));
            Path input = BatchLoad.writeInput(data, "income", options.batchRows(), work.resolve("batch.csv"));
            BatchLoad.run(base + "/v1/models/" + MODEL + "/batch", input, options.batchRows());
            batch = BatchLoad.run(base + "/v1/models/" + MODEL + "/batch", input, options.batchRows());
        }
        GatewayReport.write(options, training, rounds, shadowRounds, others, batch, shadowReport);
        System.out.println("results written to " + options.results().resolve("gateway.md"));
        // the access logs, the batch input and the registry take about 1 GB; a failed run keeps them to look at
        Folders.deleteTree(work);
    }

    /**
     * The model-bound server's command line, with the JVM options {@code bin/autogate serve} gives the
     * gateway: ZGC and a pre-touched working heap of the smaller of 1 GiB and a quarter of the memory.
     */
    private static List<String> modelBoundCommand(String java, int port, int cores, Path registry) {
        long memoryMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20;
        long heapMb = Math.min(1024, memoryMb / 4);
        return List.of(java, "-XX:+UseZGC", "-Xms" + heapMb + "m", "-XX:SoftMaxHeapSize=" + heapMb + "m",
                "-XX:+AlwaysPreTouch", "-cp", System.getProperty("java.class.path"), BareModelServer.class.getName(),
                Integer.toString(port), Integer.toString(cores), registry.toString(), MODEL + "@1");
    }

    private static Map<String, Object> train(Path repo, Path data, Path registry, long seed, Path work, String name,
            boolean refit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("bin/autogate").toString(), "train", "--data",
                data.toString(), "--target", "income", "--families", "xgboost", "--max-trials", "1", "--seed",
                Long.toString(seed), "--name", name, "--registry", registry.toString(), "--json"));
        if (refit) {
            command.add("--refit");
        }
        Path log = work.resolve("train-" + name + "-" + seed + ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("training failed; see " + log);
        }
        JsonNode result = JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        return Map.of("seed", seed, "model", result.path("model").asText(), "best_model",
                result.path("best_model").asText(), "metric", result.path("metric").asText(),
                "validation_score", result.path("best").asDouble(Double.NaN), "validation",
                result.path("validation").asText(), "final_fit", result.path("final_fit").asText());
    }

    private static String rowJson(CsvTable data, int row, String target) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        for (int c = 0; c < data.header().size(); c++) {
            String column = data.header().get(c);
            if (column.equals(target)) {
                continue;
            }
            String value = data.rows().get(row).get(c);
            // numbers as the CSV writes them, as a JSON encoder of the row would: 39 stays 39, not 39.0
            if (value.matches("-?[0-9]+")) {
                out.put(column, Long.parseLong(value));
            } else if (value.matches("-?[0-9]+\\.[0-9]+")) {
                out.put(column, Double.parseDouble(value));
            } else {
                out.put(column, value);
            }
        }
        return JSON.writeValueAsString(out);
    }

    private static void put(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("PUT " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
