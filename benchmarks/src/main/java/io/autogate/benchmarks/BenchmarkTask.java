package io.autogate.benchmarks;

/** The learning task of a benchmark dataset, named as the {@code --task} value of both systems. */
public enum BenchmarkTask {
    /** Two classes. */
    BINARY,
    /** Three or more classes. */
    MULTICLASS,
    /** A numeric target. */
    REGRESSION;

    /** The command-line name: {@code binary}, {@code multiclass} or {@code regression}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the target is a class label. */
    public boolean isClassification() {
        return this != REGRESSION;
    }
}
