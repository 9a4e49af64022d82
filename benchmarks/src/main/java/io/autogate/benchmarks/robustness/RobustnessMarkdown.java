package io.autogate.benchmarks.robustness;

import io.autogate.engine.robustness.SelectionPolicy;
import java.util.List;
import java.util.Locale;

/** The robustness benchmark's results as Markdown: one row per dataset, then the win/loss tally. */
final class RobustnessMarkdown {
    private RobustnessMarkdown() {
    }

    static String render(List<RobustnessBenchmark.Result> results, int budget, long seed, String invoked) {
        StringBuilder sb = new StringBuilder("# Robustness benchmark: picks scored on a domain never seen in the search\n\n");
        sb.append("Reproduce: `").append(invoked).append("` (budget ").append(budget).append(" s per dataset, seed ")
                .append(seed).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores).\n\n");
        sb.append("Each dataset loses one domain entirely before the search; the search (robustness checks on, their share "
                + "of the budget included) runs on the rest, and the iid, robust and balanced picks of that one search "
                + "are scored on the held-out domain. `iid CV` is the pick's out-of-fold score on the searched data.\n\n");
        sb.append("| dataset | held out | metric | iid pick | iid CV | held-out | robust pick | iid CV | held-out | "
                + "balanced pick | iid CV | held-out | robust vs iid | balanced vs iid | splits checked |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int[] robust = new int[3];
        int[] balanced = new int[3];
        for (RobustnessBenchmark.Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %s=%s (%d rows; %d searched) | %s |", r.c().name(), r.c().column(),
                    r.c().heldOut(), r.heldOutRows(), r.trainRows(), r.metric()));
            for (SelectionPolicy p : SelectionPolicy.values()) {
                sb.append(' ').append(r.picks().get(p)).append(" | ").append(RobustnessBenchmark.format(r.iid().get(p)))
                        .append(" | ").append(RobustnessBenchmark.format(r.heldOut().get(p))).append(" |");
            }
            sb.append(' ').append(verdict(r, SelectionPolicy.ROBUST, robust)).append(" | ")
                    .append(verdict(r, SelectionPolicy.BALANCED, balanced)).append(" | ")
                    .append(r.splitsChecked()).append(" of ").append(r.splitsChecked() + r.splitsSkipped()).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nOn the held-out domain: robust vs iid %d wins, %d losses, %d ties (same pick"
                + " or equal score); balanced vs iid %d wins, %d losses, %d ties.%n%n", robust[0], robust[1], robust[2],
                balanced[0], balanced[1], balanced[2]));
        sb.append("Summaries the run wrote for its balanced pick:\n\n");
        for (RobustnessBenchmark.Result r : results) {
            sb.append("- ").append(r.c().name()).append(": ").append(r.summary())
                    .append(String.format(Locale.ROOT, " (search wall %.1f s)%n", r.wallSeconds()));
        }
        return sb.toString();
    }

    private static String verdict(RobustnessBenchmark.Result r, SelectionPolicy p, int[] tally) {
        double base = r.heldOut().get(SelectionPolicy.IID);
        double v = r.heldOut().get(p);
        double gain = r.higherIsBetter() ? v - base : base - v;
        if (r.picks().get(p).equals(r.picks().get(SelectionPolicy.IID)) || Math.abs(gain) < 1e-12) {
            tally[2]++;
            return "tie (same pick)";
        }
        tally[gain > 0 ? 0 : 1]++;
        double relative = 100 * gain / Math.abs(base);
        return String.format(Locale.ROOT, "%s %+.2f%%", gain > 0 ? "win" : "loss", relative);
    }
}
