package io.autogate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * H2O-3 AutoML as the benchmark runs it: the standalone {@code benchmarks/h2o-peer} program in its
 * own JDK 17 process, which trains, predicts and writes {@code pred.csv} in one go and prints one
 * JSON line ({@code leader}, {@code wall_seconds}, {@code peak_rss_mb}).
 *
 * @param java        the JDK 17 {@code java} executable
 * @param peerJar     {@code benchmarks/h2o-peer/target/h2o-peer.jar}
 * @param peerLibDir  {@code benchmarks/h2o-peer/target/lib}
 * @param heap        maximum heap, e.g. {@code 2g}
 * @param nthreads    H2O worker threads
 * @param timeoutMarginSeconds seconds allowed on top of the budget before the process is killed
 * @param mapper      JSON reader for the result line
 */
public record H2oPeer(Path java, Path peerJar, Path peerLibDir, String heap, int nthreads, int timeoutMarginSeconds,
                      ObjectMapper mapper) implements AutomlSystem {

    /** Main class of the peer program. */
    public static final String MAIN_CLASS = "io.autogate.benchmarks.h2o.H2oAutomlRunner";

    /** Packages H2O reflects into; without these it fails or hangs on JDK 17. */
    public static final List<String> ADD_OPENS = List.of("java.base/java.lang", "java.base/java.util",
            "java.base/java.lang.reflect", "java.base/java.nio", "java.base/sun.nio.ch");

    public H2oPeer {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(peerJar, "peerJar");
        Objects.requireNonNull(peerLibDir, "peerLibDir");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public String name() {
        return "h2o";
    }

    @Override
    public SystemResult run(PreparedSplit split, int budgetSeconds, long seed, Path runDir) {
        if (!Files.isExecutable(java)) {
            return SystemResult.failed(name(), java + " is missing (H2O needs JDK 17)", null, null);
        }
        if (!Files.isRegularFile(peerJar)) {
            return SystemResult.failed(name(), peerJar + " is missing: build benchmarks/h2o-peer first", null, null);
        }
        Path predictions = runDir.resolve("pred.csv");
        CommandOutcome outcome = new ExternalCommand(command(split, budgetSeconds, seed, runDir, predictions),
                Map.of(), runDir, Duration.ofSeconds(budgetSeconds + (long) timeoutMarginSeconds),
                runDir.resolve("h2o.stdout"), runDir.resolve("h2o.stderr")).run();
        if (!outcome.succeeded()) {
            return SystemResult.failed(name(), outcome.failureSummary(), outcome.wallSeconds(), null);
        }
        JsonNode reported;
        try {
            reported = outcome.jsonObject(mapper);
        } catch (IllegalStateException e) {
            return SystemResult.failed(name(), e.getMessage(), outcome.wallSeconds(), null);
        }
        JsonNode leader = reported.get("leader");
        return AutomlSystem.scored(name(), split, predictions, outcome, reported,
                leader == null ? null : leader.asText(),
                AutomlSystem.number(reported, "wall_seconds"), AutomlSystem.number(reported, "peak_rss_mb"));
    }

    /** The full peer command line for one dataset. */
    List<String> command(PreparedSplit split, int budgetSeconds, long seed, Path runDir, Path predictions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + heap);
        for (String opened : ADD_OPENS) {
            command.add("--add-opens");
            command.add(opened + "=ALL-UNNAMED");
        }
        command.add("-cp");
        command.add(peerJar + File.pathSeparator + peerLibDir.resolve("*"));
        command.add(MAIN_CLASS);
        command.addAll(List.of(
                "--train", split.trainFile().toString(),
                "--test", split.testFile().toString(),
                "--target", split.dataset().targetColumn(),
                "--task", split.dataset().task().cliName(),
                "--budget", Integer.toString(budgetSeconds),
                "--seed", Long.toString(seed),
                "--out", predictions.toString(),
                "--work", runDir.resolve("h2o-work").toString(),
                "--nthreads", Integer.toString(nthreads)));
        return command;
    }
}
