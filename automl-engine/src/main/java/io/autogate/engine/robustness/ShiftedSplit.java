package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;

/**
 * A train/test split of the training data whose test rows differ from the training rows in a
 * stated way. Every split is deterministic from the run's seed and says which rows it holds out
 * ({@link #test()}, indices into the dataset) and why ({@link #why()}), so a person can inspect it.
 */
public sealed interface ShiftedSplit {
    /** The kind of shift: {@code time}, {@code domain}, {@code quantile}, {@code cluster}, {@code adversarial} or {@code perturbation}. */
    String kind();

    /** A short name, unique within a run, e.g. {@code region=west} or {@code noise}. */
    String label();

    /** Why these rows are held out, in words. */
    String why();

    /** Rows the candidates are refitted on. */
    int[] train();

    /** Rows they are scored on. */
    int[] test();

    /** The data the test rows are read from: the dataset itself except for perturbations. */
    default Dataset testData(Dataset data) {
        return data;
    }

    /** Train on the earliest rows by the time column, test on the latest. */
    record OutOfTime(String column, String cutoff, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "time";
        }

        @Override
        public String label() {
            return column + ">=" + cutoff;
        }

        @Override
        public String why() {
            return "the latest rows by '" + column + "' (" + cutoff + " and later) are held out; training sees only earlier rows";
        }
    }

    /** Hold out every row of one value of the domain column. */
    record DomainHoldOut(String column, String domain, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "domain";
        }

        @Override
        public String label() {
            return column + "=" + domain;
        }

        @Override
        public String why() {
            return "every row with " + column + " = '" + domain + "' is held out; training never sees that " + column;
        }
    }

    /** Hold out the bottom and top decile of one numeric feature: the model must extrapolate. */
    record QuantileTails(String column, double low, double high, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "quantile";
        }

        @Override
        public String label() {
            return column + " tails";
        }

        @Override
        public String why() {
            return String.format(java.util.Locale.ROOT,
                    "rows with %s at or below its 10th percentile (%.4g) or at or above its 90th (%.4g) are held out",
                    column, low, high);
        }
    }

    /** Hold out one k-means cluster of the standardized feature space. */
    record ClusterHoldOut(int cluster, int clusters, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "cluster";
        }

        @Override
        public String label() {
            return "cluster " + (cluster + 1) + "/" + clusters;
        }

        @Override
        public String why() {
            return "k-means (k = " + clusters + ") in standardized feature space; every row of cluster " + (cluster + 1)
                    + " is held out";
        }
    }

    /**
     * Hold out the rows most unlike the rest: a classifier separating real rows from rows whose
     * columns were shuffled independently scores them as least real (out of fold).
     */
    record AtypicalRows(double share, double separationAuc, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "adversarial";
        }

        @Override
        public String label() {
            return "atypical rows";
        }

        @Override
        public String why() {
            return String.format(java.util.Locale.ROOT, "the %.0f%% of rows an adversarial classifier (real rows vs "
                    + "independently shuffled columns, AUC %.3f) finds least like the rest are held out", 100 * share,
                    separationAuc);
        }
    }

    /** The validation rows of the first fold, perturbed as {@link Perturbation} says. */
    record Perturbed(Perturbation perturbation, long seed, int[] train, int[] test) implements ShiftedSplit {
        @Override
        public String kind() {
            return "perturbation";
        }

        @Override
        public String label() {
            return perturbation.id();
        }

        @Override
        public String why() {
            return "the first fold's validation rows with " + perturbation.description();
        }

        @Override
        public Dataset testData(Dataset data) {
            return perturbation.apply(data, test, seed);
        }
    }
}
