package io.autogate.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The driver's command line.
 *
 * @param budgetSeconds  training budget per dataset and system
 * @param datasets       datasets to run, in order
 * @param skipH2o        do not run H2O
 * @param skipAutogate   do not run Autogate (to test the H2O side alone)
 * @param repoRoot       the Autogate repository (holds {@code bin/autogate} and {@code benchmarks/})
 * @param datasetsRoot   the shared datasets folder
 * @param workDir        where splits, registries, logs and predictions go
 * @param resultsDir     where {@code automl.md} and {@code automl.json} go
 * @param h2oJavaHome    JDK 17 for the H2O peer
 * @param heap           maximum heap of both systems, e.g. {@code 2g}
 * @param seed           split and training seed
 * @param timeoutMarginSeconds seconds on top of the budget before a process is killed
 * @param invokedAs      the command to print in the report, or {@code null} to derive one
 */
public record BenchmarkOptions(int budgetSeconds, List<BenchmarkDataset> datasets, boolean skipH2o,
                               boolean skipAutogate, Path repoRoot, Path datasetsRoot, Path workDir, Path resultsDir,
                               Path h2oJavaHome, String heap, long seed, int timeoutMarginSeconds, String invokedAs) {

    /** Usage text. */
    public static final String USAGE = """
            usage: AutomlBenchmark [--budget 60] [--datasets a,b,...] [--skip-h2o] [--skip-autogate]
                   [--repo-root .] [--datasets-root <repo>/../shared/datasets] [--work <repo>/benchmarks/target/automl]
                   [--results <repo>/benchmarks/results] [--h2o-java-home /usr/lib/jvm/java-17-openjdk-amd64]
                   [--heap 2g] [--seed 42] [--timeout-margin 120] [--invoked-as "command shown in the report"]""";

    public BenchmarkOptions {
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(datasetsRoot, "datasetsRoot");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(h2oJavaHome, "h2oJavaHome");
        Objects.requireNonNull(heap, "heap");
        if (budgetSeconds <= 0) {
            throw new IllegalArgumentException("--budget must be a positive number of seconds, got " + budgetSeconds);
        }
        if (timeoutMarginSeconds <= 0) {
            throw new IllegalArgumentException("--timeout-margin must be positive, got " + timeoutMarginSeconds);
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("--datasets selects no dataset");
        }
        if (skipH2o && skipAutogate) {
            throw new IllegalArgumentException("--skip-h2o and --skip-autogate together leave nothing to run");
        }
    }

    /**
     * Parses the command line; relative defaults resolve against {@code workingDir}.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static BenchmarkOptions parse(String[] args, Path workingDir) {
        int budget = 60;
        List<BenchmarkDataset> datasets = BenchmarkSuite.standard();
        boolean skipH2o = false;
        boolean skipAutogate = false;
        Path repoRoot = workingDir;
        Path datasetsRoot = null;
        Path work = null;
        Path results = null;
        String h2oJavaHomeEnv = System.getenv("H2O_JAVA_HOME");
        Path h2oJavaHome = Path.of(h2oJavaHomeEnv != null && !h2oJavaHomeEnv.isBlank()
                ? h2oJavaHomeEnv : "/usr/lib/jvm/java-17-openjdk-amd64");
        String heap = "2g";
        long seed = 42;
        int margin = 120;
        String invokedAs = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--skip-h2o" -> skipH2o = true;
                case "--skip-autogate" -> skipAutogate = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--budget" -> budget = parseSeconds(value);
                        case "--datasets" -> datasets = BenchmarkSuite.select(Arrays.stream(value.split(","))
                                .map(String::strip).filter(name -> !name.isEmpty()).toList());
                        case "--repo-root" -> repoRoot = workingDir.resolve(value);
                        case "--datasets-root" -> datasetsRoot = workingDir.resolve(value);
                        case "--work" -> work = workingDir.resolve(value);
                        case "--results" -> results = workingDir.resolve(value);
                        case "--h2o-java-home" -> h2oJavaHome = workingDir.resolve(value);
                        case "--heap" -> heap = value;
                        case "--seed" -> seed = parseLong(option, value);
                        case "--timeout-margin" -> margin = (int) parseLong(option, value);
                        case "--invoked-as" -> invokedAs = value;
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        repoRoot = repoRoot.toAbsolutePath().normalize();
        return new BenchmarkOptions(budget, datasets, skipH2o, skipAutogate, repoRoot,
                datasetsRoot != null ? datasetsRoot : repoRoot.resolve("../shared/datasets").normalize(),
                work != null ? work : repoRoot.resolve("benchmarks/target/automl"),
                results != null ? results : repoRoot.resolve("benchmarks/results"),
                h2oJavaHome, heap, seed, margin, invokedAs);
    }

    /** Seconds from {@code 60} or {@code 60s}. */
    static int parseSeconds(String value) {
        String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
        return (int) parseLong("--budget", digits);
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }
}
