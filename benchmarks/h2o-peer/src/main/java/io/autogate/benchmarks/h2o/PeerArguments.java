package io.autogate.benchmarks.h2o;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The peer's command line.
 *
 * @param train      training CSV with a header row
 * @param test       test CSV with the same header
 * @param target     name of the target column
 * @param task       binary, multiclass or regression
 * @param budgetSeconds AutoML {@code max_runtime_secs}
 * @param seed       AutoML seed
 * @param predictions where to write {@code pred.csv}
 * @param workDir    folder for H2O's ice root and logs
 * @param nthreads   H2O worker threads
 */
public record PeerArguments(Path train, Path test, String target, PeerTask task, int budgetSeconds,
                            long seed, Path predictions, Path workDir, int nthreads) {

    /** Usage line printed on a bad command line. */
    public static final String USAGE = "usage: H2oAutomlRunner --train train.csv --test test.csv --target T"
            + " --task binary|multiclass|regression --budget SECONDS --out pred.csv --work DIR [--seed 42] [--nthreads 2]";

    public PeerArguments {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(workDir, "workDir");
        if (budgetSeconds <= 0) {
            throw new IllegalArgumentException("--budget must be positive, got " + budgetSeconds);
        }
        if (nthreads <= 0) {
            throw new IllegalArgumentException("--nthreads must be positive, got " + nthreads);
        }
    }

    /** Parses {@code --name value} pairs; throws {@link IllegalArgumentException} naming what is wrong. */
    public static PeerArguments parse(String[] args) {
        Path train = null;
        Path test = null;
        String target = null;
        PeerTask task = null;
        Integer budget = null;
        long seed = 42;
        Path out = null;
        Path work = null;
        int nthreads = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " has no value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--train" -> train = Path.of(value);
                case "--test" -> test = Path.of(value);
                case "--target" -> target = value;
                case "--task" -> task = PeerTask.parse(value);
                case "--budget" -> budget = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--nthreads" -> nthreads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (train == null || test == null || target == null || task == null || budget == null
                || out == null || work == null) {
            throw new IllegalArgumentException("missing a required option");
        }
        return new PeerArguments(train, test, target, task, budget, seed, out, work, nthreads);
    }
}
