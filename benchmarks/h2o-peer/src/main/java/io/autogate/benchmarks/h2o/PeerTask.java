package io.autogate.benchmarks.h2o;

/** The learning task the peer is asked to solve, named as on the Autogate command line. */
public enum PeerTask {
    /** Two classes; the leaderboard is sorted by AUC. */
    BINARY("AUC"),
    /** Three or more classes; the leaderboard is sorted by log loss. */
    MULTICLASS("logloss"),
    /** A numeric target; the leaderboard is sorted by RMSE. */
    REGRESSION("RMSE");

    private final String sortMetric;

    PeerTask(String sortMetric) {
        this.sortMetric = sortMetric;
    }

    /** H2O AutoML's {@code sort_metric} for this task. */
    public String sortMetric() {
        return sortMetric;
    }

    /** Whether the target is a class label (parsed as a categorical column). */
    public boolean isClassification() {
        return this != REGRESSION;
    }

    /** The task for a command-line name: {@code binary}, {@code multiclass} or {@code regression}. */
    public static PeerTask parse(String name) {
        for (PeerTask task : values()) {
            if (task.name().equalsIgnoreCase(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown --task '" + name + "': use binary, multiclass or regression");
    }
}
