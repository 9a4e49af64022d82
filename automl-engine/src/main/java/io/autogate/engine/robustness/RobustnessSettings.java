package io.autogate.engine.robustness;

/**
 * How a run checks robustness: the selection policy, the optional time and domain columns
 * ({@code null}: detect a time column, suggest a domain column), the share of the run's budget
 * the checks may use and how many top candidates are checked. {@link #off()} runs no checks.
 */
public record RobustnessSettings(boolean enabled, SelectionPolicy policy, String timeColumn, String domainColumn,
        double budgetShare, int candidates) {
    /** The default share of the budget: the search gets 88% minus this, the checks this. */
    public static final double DEFAULT_SHARE = 0.20;
    /** The default number of top single trials checked (plus the ensemble's members). */
    public static final int DEFAULT_CANDIDATES = 3;

    public RobustnessSettings {
        if (policy == null) {
            throw new IllegalArgumentException("a selection policy is required");
        }
        if (!(budgetShare >= 0 && budgetShare < 0.8)) {
            throw new IllegalArgumentException("budget share must be in [0, 0.8), got " + budgetShare);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("at least one candidate must be checked, got " + candidates);
        }
    }

    /** Checks with the default share and candidate count. */
    public static RobustnessSettings of(SelectionPolicy policy, String timeColumn, String domainColumn) {
        return new RobustnessSettings(true, policy, timeColumn, domainColumn, DEFAULT_SHARE, DEFAULT_CANDIDATES);
    }

    /** No checks: the search's own pick, as before robustness checks existed. */
    public static RobustnessSettings off() {
        return new RobustnessSettings(false, SelectionPolicy.IID, null, null, 0, DEFAULT_CANDIDATES);
    }
}
