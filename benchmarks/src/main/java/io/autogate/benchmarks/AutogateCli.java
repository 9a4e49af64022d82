package io.autogate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Autogate as the benchmark runs it: {@code bin/autogate train ... --json} then
 * {@code bin/autogate predict ...}, each as its own process with {@code AUTOGATE_JAVA_OPTS} set.
 *
 * @param launcher        path of {@code bin/autogate}
 * @param javaOptions     value of {@code AUTOGATE_JAVA_OPTS}, e.g. {@code -Xmx2g}
 * @param timeoutMarginSeconds seconds allowed on top of the budget before a process is killed
 * @param mapper          JSON reader for the training output
 */
public record AutogateCli(Path launcher, String javaOptions, int timeoutMarginSeconds, ObjectMapper mapper)
        implements AutomlSystem {

    /** Name of the model in the temporary registry. */
    public static final String MODEL_NAME = "bench";

    public AutogateCli {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(javaOptions, "javaOptions");
        Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public String name() {
        return "autogate";
    }

    @Override
    public SystemResult run(PreparedSplit split, int budgetSeconds, long seed, Path runDir) {
        if (!Files.isExecutable(launcher)) {
            return SystemResult.failed(name(), launcher + " is missing or not executable", null, null);
        }
        Path registry = runDir.resolve("registry");
        Path predictions = runDir.resolve("pred.csv");
        Duration timeout = Duration.ofSeconds(budgetSeconds + (long) timeoutMarginSeconds);
        Map<String, String> environment = Map.of("AUTOGATE_JAVA_OPTS", javaOptions);
        CommandOutcome training = new ExternalCommand(List.of(launcher.toString(), "train",
                "--data", split.trainFile().toString(),
                "--target", split.dataset().targetColumn(),
                "--task", split.dataset().task().cliName(),
                "--budget", budgetSeconds + "s",
                "--seed", Long.toString(seed),
                "--registry", registry.toString(),
                "--name", MODEL_NAME,
                "--json"), environment, runDir, timeout,
                runDir.resolve("train.stdout"), runDir.resolve("train.stderr")).run();
        if (!training.succeeded()) {
            return SystemResult.failed(name(), "train: " + training.failureSummary(), training.wallSeconds(), null);
        }
        JsonNode reported;
        try {
            reported = training.jsonObject(mapper);
        } catch (IllegalStateException e) {
            return SystemResult.failed(name(), "train: " + e.getMessage(), training.wallSeconds(), null);
        }
        CommandOutcome predicting = new ExternalCommand(List.of(launcher.toString(), "predict",
                "--registry", registry.toString(),
                "--model", MODEL_NAME,
                "--data", split.testFile().toString(),
                "--out", predictions.toString()), environment, runDir, timeout,
                runDir.resolve("predict.stdout"), runDir.resolve("predict.stderr")).run();
        if (!predicting.succeeded()) {
            return SystemResult.failed(name(), "predict: " + predicting.failureSummary(), training.wallSeconds(),
                    reported);
        }
        return AutomlSystem.scored(name(), split, predictions, training, reported, bestModel(reported),
                AutomlSystem.number(reported, "wall_seconds"), AutomlSystem.number(reported, "peak_rss_mb"));
    }

    /** The {@code best_model} (else {@code best}) field as short text: a string as is, an object by its family/name, else compact JSON. */
    static String bestModel(JsonNode reported) {
        JsonNode best = reported.has("best_model") ? reported.get("best_model") : reported.get("best");
        if (best == null || best.isNull()) {
            return null;
        }
        if (best.isValueNode()) {
            return best.asText();
        }
        for (String field : List.of("family", "name", "model", "id")) {
            JsonNode value = best.get(field);
            if (value != null && value.isValueNode()) {
                return value.asText();
            }
        }
        return best.toString();
    }
}
