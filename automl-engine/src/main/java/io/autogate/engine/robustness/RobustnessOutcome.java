package io.autogate.engine.robustness;

import io.autogate.engine.search.FinalMember;
import io.autogate.runtime.artifact.RobustnessCard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the robustness checks found and chose: the splits (with their shift magnitudes, the
 * adversarial AUC of telling test from training rows), the splits left out for lack of budget,
 * one report per checked candidate, the candidate and final members each policy picks, the policy
 * in force, and notes (detected or suggested columns). The card lists each split's held-out rows
 * (0-based data rows as ranges), the first {@value #LISTED_ROWS} of them for larger splits.
 */
public record RobustnessOutcome(SelectionPolicy policy, List<ShiftedSplit> splits, Map<String, Double> shiftMagnitude,
        List<String> skipped, List<RobustnessReport> reports, Map<SelectionPolicy, String> picks,
        Map<SelectionPolicy, List<FinalMember>> pickedMembers, List<String> notes) {
    public RobustnessOutcome {
        splits = List.copyOf(splits);
        shiftMagnitude = Collections.unmodifiableMap(new LinkedHashMap<>(shiftMagnitude));
        skipped = List.copyOf(skipped);
        reports = List.copyOf(reports);
        picks = Collections.unmodifiableMap(new EnumMap<>(picks));
        pickedMembers = Collections.unmodifiableMap(new EnumMap<>(pickedMembers));
        notes = List.copyOf(notes);
    }

    /** Held-out rows listed in the card per split; larger splits list their first this many (their rule says the rest). */
    public static final int LISTED_ROWS = 5000;

    /** The report of the candidate the policy in force chose. */
    public RobustnessReport chosen() {
        return report(picks.get(policy));
    }

    /** The report of a candidate by its label. */
    public RobustnessReport report(String candidate) {
        return reports.stream().filter(r -> r.candidate().equals(candidate)).findFirst().orElseThrow();
    }

    /**
     * One plain sentence about the chosen model's worst shifted split, e.g. "when ocean_proximity
     * changes (INLAND held out), rmse rises from 48210 to 70110".
     */
    public String summary() {
        RobustnessReport r = chosen();
        String worst = r.worstSplit();
        if (worst == null) {
            return "no shifted split could be checked within the budget";
        }
        ShiftedSplit split = splits.stream().filter(s -> s.label().equals(worst)).findFirst().orElseThrow();
        boolean worse = r.degradation(r.worstScore()) > 0;
        String verb = r.metric().higherIsBetter() == worse ? "drops" : "rises";
        return String.format(Locale.ROOT, "%s, %s %s from %s to %s (worst of %d shifted splits; %s pick: %s)",
                situation(split), r.metric().id(), verb, number(r.iidScore()), number(r.worstScore()),
                r.shiftedScores().size(), policy.id(), r.candidate());
    }

    private static String situation(ShiftedSplit split) {
        return switch (split) {
            case ShiftedSplit.OutOfTime t -> "on the latest rows by " + t.column() + " (from " + t.cutoff() + ")";
            case ShiftedSplit.DomainHoldOut d -> "when the " + d.column() + " changes (" + d.domain() + " never seen)";
            case ShiftedSplit.QuantileTails q -> "beyond the usual range of " + q.column();
            case ShiftedSplit.ClusterHoldOut c -> "on an unfamiliar group of rows (k-means " + c.label() + ")";
            case ShiftedSplit.AtypicalRows a -> "on the most atypical rows";
            case ShiftedSplit.Perturbed p -> switch (p.perturbation()) {
                case NOISE -> "with noisy numeric inputs";
                case MISSING -> "with 10% of the inputs missing";
                case UNSEEN_CATEGORIES -> "with categories never seen in training";
            };
        };
    }

    private static String number(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The card stored in the artifact. */
    public RobustnessCard card() {
        List<Map<String, Object>> splitMaps = new ArrayList<>();
        for (ShiftedSplit s : splits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind());
            m.put("label", s.label());
            m.put("why", s.why());
            m.put("train_rows", s.train().length);
            m.put("test_rows", s.test().length);
            m.put("shift_auc", shiftMagnitude.containsKey(s.label()) ? RobustnessReport.round(shiftMagnitude.get(s.label())) : null);
            m.put("checked", !skipped.contains(s.label()));
            boolean listed = s.test().length <= LISTED_ROWS;
            m.put("held_out", RowRanges.of(listed ? s.test() : java.util.Arrays.copyOf(s.test(), LISTED_ROWS)));
            m.put("held_out_complete", listed);
            splitMaps.add(m);
        }
        List<Map<String, Object>> candidates = reports.stream().map(r -> {
            Map<String, Object> m = r.toMap();
            Map<String, Object> chosenBy = new LinkedHashMap<>();
            picks.forEach((p, c) -> chosenBy.put(p.id(), c.equals(r.candidate())));
            m.put("picked_by", chosenBy);
            return m;
        }).toList();
        return new RobustnessCard(policy.id(), picks.get(policy), chosen().metric().id(), summary(), splitMaps, candidates);
    }
}
