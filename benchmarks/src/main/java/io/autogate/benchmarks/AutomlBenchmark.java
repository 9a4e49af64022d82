package io.autogate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.autogate.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end AutoML benchmark: Autogate ({@code bin/autogate}) and H2O-3 AutoML 3.44.0.1 side by
 * side on the shared datasets, with identical fixed 75/25 splits (seed 42), the same budget, one
 * after the other, scored by one metric implementation ({@link PredictionScorer}). Writes
 * {@code benchmarks/results/automl.md} and {@code automl.json}, rewriting both after every dataset.
 *
 * <p>Reproduce from the repository root (builds everything it needs first):
 * <pre>
 * benchmarks/run-automl.sh --budget 60
 * benchmarks/run-automl.sh --budget 20 --datasets iris,pima-diabetes --skip-h2o
 * </pre>
 * or, with the project installed and {@code benchmarks/h2o-peer} packaged, run this class directly:
 * <pre>
 * java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
 *   io.autogate.benchmarks.AutomlBenchmark --budget 60
 * </pre>
 * Options are listed in {@link BenchmarkOptions#USAGE}.
 */
public final class AutomlBenchmark {

    private final BenchmarkOptions options;
    private final List<AutomlSystem> systems;
    private final ObjectMapper mapper;

    /** A benchmark over the given options, running the given systems in order on each dataset. */
    public AutomlBenchmark(BenchmarkOptions options, List<AutomlSystem> systems, ObjectMapper mapper) {
        this.options = options;
        this.systems = List.copyOf(systems);
        this.mapper = mapper;
    }

    /** Entry point; exits 2 on a bad command line. */
    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("automl-benchmark: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<AutomlSystem> systems = new ArrayList<>();
        if (!options.skipAutogate()) {
            systems.add(new AutogateCli(options.repoRoot().resolve("bin/autogate"), "-Xmx" + options.heap(),
                    options.timeoutMarginSeconds(), mapper));
        }
        if (!options.skipH2o()) {
            Path peer = options.repoRoot().resolve("benchmarks/h2o-peer/target");
            systems.add(new H2oPeer(options.h2oJavaHome().resolve("bin/java"), peer.resolve("h2o-peer.jar"),
                    peer.resolve("lib"), options.heap(), 2, options.timeoutMarginSeconds(), mapper));
        }
        AutomlReport report = new AutomlBenchmark(options, systems, mapper).run(commandLine(options, args));
        ReportSummary summary = report.summary();
        System.out.printf(Locale.ROOT, "done: %d dataset(s); vs H2O %d win(s) %d tie(s) %d loss(es); "
                        + "targets met %d of %d; report %s%n", summary.datasets(), summary.wins(), summary.ties(),
                summary.losses(), summary.targetsMet(), summary.targets(),
                options.resultsDir().resolve("automl.md"));
    }

    /** Runs every dataset, writing the report after each, and returns the final report. */
    public AutomlReport run(String command) {
        String autogateJavaHome = System.getenv("JAVA_HOME");
        MachineInfo machine = MachineInfo.detect(options.h2oJavaHome(),
                autogateJavaHome == null || autogateJavaHome.isBlank() ? null : Path.of(autogateJavaHome));
        List<DatasetOutcome> outcomes = new ArrayList<>();
        AutomlReport report = null;
        for (BenchmarkDataset dataset : options.datasets()) {
            outcomes.add(runDataset(dataset));
            report = new AutomlReport(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), machine, command,
                    options.budgetSeconds(), options.seed(), SplitWriter.TRAIN_FRACTION, outcomes);
            write(report);
        }
        return report;
    }

    private DatasetOutcome runDataset(BenchmarkDataset dataset) {
        log("%s: preparing the %s split", dataset.name(), "75/25");
        PreparedSplit split;
        try {
            split = SplitWriter.prepare(dataset, options.datasetsRoot(), options.workDir(), options.seed());
        } catch (BadInputException | IllegalArgumentException | UncheckedIOException e) {
            String why = "cannot prepare the split: " + e.getMessage();
            log("%s: %s", dataset.name(), why);
            return new DatasetOutcome(dataset, 0, 0, 0, SystemResult.failed("autogate", why, null, null),
                    SystemResult.failed("h2o", why, null, null));
        }
        SystemResult autogate = SystemResult.skipped("autogate", "--skip-autogate");
        SystemResult h2o = SystemResult.skipped("h2o", "--skip-h2o");
        for (AutomlSystem system : systems) {
            Path runDir = options.workDir().resolve(dataset.name()).resolve(system.name());
            recreate(runDir);
            log("%s: running %s (budget %d s)", dataset.name(), system.name(), options.budgetSeconds());
            SystemResult result = system.run(split, options.budgetSeconds(), options.seed(), runDir);
            log("%s: %s %s", dataset.name(), system.name(), result.succeeded()
                    ? String.format(Locale.ROOT, "%s = %.5f", dataset.metric().label(), result.score().value())
                    : result.status() + ": " + result.message());
            if (system instanceof AutogateCli) {
                autogate = result;
            } else {
                h2o = result;
            }
        }
        return new DatasetOutcome(dataset, split.sourceRows(), split.trainRows(), split.testRows(), autogate, h2o);
    }

    private void write(AutomlReport report) {
        try {
            Files.createDirectories(options.resultsDir());
            Files.writeString(options.resultsDir().resolve("automl.md"), MarkdownReport.render(report),
                    StandardCharsets.UTF_8);
            mapper.writeValue(options.resultsDir().resolve("automl.json").toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + options.resultsDir(), e);
        }
    }

    private static void recreate(Path folder) {
        Folders.deleteTree(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate " + folder, e);
        }
    }

    private static String commandLine(BenchmarkOptions options, String[] args) {
        if (options.invokedAs() != null) {
            return options.invokedAs();
        }
        return "java io.autogate.benchmarks.AutomlBenchmark " + String.join(" ", args);
    }

    private static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, arguments));
        System.out.flush();
    }
}
