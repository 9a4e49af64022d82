package io.autogate.engine.search;

import java.time.Duration;
import java.util.List;

/**
 * How a search runs: a wall-clock budget and/or a cap on trials (at least one of the two), the
 * seed every random choice derives from, how many trials run at once, and optionally which
 * families to try (empty means all that support the task), and whether the final model is refit on
 * all rows ({@link FullDataRefit}) instead of averaging its fold models.
 */
public record SearchSettings(Duration budget, Integer maxTrials, long seed, int parallelism, List<String> families,
        boolean refit) {
    /** Shortest budget the command line accepts: below it not even a baseline fits reliably. */
    public static final Duration MIN_BUDGET = Duration.ofSeconds(5);

    public SearchSettings {
        if (budget == null && maxTrials == null) {
            throw new IllegalArgumentException("give a time budget, a trial cap, or both");
        }
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("budget must be positive, got " + budget);
        }
        if (maxTrials != null && maxTrials < 1) {
            throw new IllegalArgumentException("max trials must be 1 or more, got " + maxTrials);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be 1 or more, got " + parallelism);
        }
        families = families == null ? List.of() : List.copyOf(families);
    }

    /** Settings whose final model averages its fold models (no refit). */
    public SearchSettings(Duration budget, Integer maxTrials, long seed, int parallelism, List<String> families) {
        this(budget, maxTrials, seed, parallelism, families, false);
    }

    /** The same settings with less time left (at least one millisecond), when a budget is set. */
    public SearchSettings withBudgetSpent(Duration spent) {
        if (budget == null) {
            return this;
        }
        Duration left = budget.minus(spent);
        return new SearchSettings(left.toMillis() < 1 ? Duration.ofMillis(1) : left, maxTrials, seed, parallelism, families,
                refit);
    }
}
