package io.autogate.engine.robustness;

import java.util.Locale;

/**
 * The robustness checks as text for the command line: each split with its size and shift
 * magnitude, one line per checked candidate with its score per split, and the picks.
 */
public final class RobustnessTable {
    private RobustnessTable() {
    }

    /** The text, ending with the plain-language summary. */
    public static String render(RobustnessOutcome r) {
        StringBuilder sb = new StringBuilder("robustness checks (primary metric on held-out shifted rows):\n");
        r.notes().forEach(n -> sb.append("  note: ").append(n).append('\n'));
        for (ShiftedSplit s : r.splits()) {
            Double auc = r.shiftMagnitude().get(s.label());
            sb.append(String.format(Locale.ROOT, "  %-13s %-28s test %6d rows  shift auc %s%s%n", s.kind(), abbreviate(s.label()),
                    s.test().length, auc == null || auc.isNaN() ? "  -  " : String.format(Locale.ROOT, "%.3f", auc),
                    r.skipped().contains(s.label()) ? "  (not checked: budget)" : ""));
        }
        for (RobustnessReport report : r.reports()) {
            sb.append(String.format(Locale.ROOT, "  %-24s iid %.5g  worst %.5g (%s)", report.candidate(), report.iidScore(),
                    report.worstScore(), report.worstSplit() == null ? "-" : report.worstSplit()));
            if (report.seedSpread() != null) {
                sb.append(String.format(Locale.ROOT, "  seed sd %.3g", report.seedSpread().iidScoreStd()));
            }
            sb.append('\n');
        }
        r.picks().forEach((p, c) -> sb.append("  ").append(p.id()).append(" pick: ").append(c)
                .append(p == r.policy() ? "  <- chosen (--select " + p.id() + ")" : "").append('\n'));
        sb.append("  ").append(r.summary()).append('\n');
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }
}
