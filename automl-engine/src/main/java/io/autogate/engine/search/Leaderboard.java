package io.autogate.engine.search;

import io.autogate.engine.robustness.RobustnessChecks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks a search's trials: finished trials by loss (ties by id), then failed and timed-out ones,
 * with the final ensemble on top when there is one. Renders as JSON-ready rows and as a text table.
 * When robustness checks ran, checked rows carry a {@code robustness} entry (worst shifted score,
 * its split, the degradation and the seed spread) and the table a {@code worst_shift} column.
 */
public final class Leaderboard {
    private Leaderboard() {
    }

    /** One map per row, ready for JSON: rank, trial, family, origin, fraction, status, metrics, times, params. */
    public static List<Map<String, Object>> rows(SearchOutcome outcome) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        if (outcome.isEnsemble()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("trial", null);
            row.put("family", "ensemble");
            row.put("origin", "caruana");
            row.put("fraction", 1.0);
            row.put("status", "OK");
            row.put("metrics", outcome.metrics());
            row.put("fit_seconds", outcome.members().stream().mapToDouble(m -> m.trial().fitSeconds()).sum());
            row.put("predict_us_per_row", outcome.members().stream().mapToDouble(m -> m.trial().predictMicrosPerRow()).sum());
            Map<String, Object> weights = new LinkedHashMap<>();
            outcome.members().forEach(m -> weights.put("trial " + m.trial().id() + " " + m.trial().candidate().family(),
                    round(m.weight())));
            row.put("params", weights);
            putRobustness(row, outcome, "ensemble");
            rows.add(row);
        }
        for (Trial t : ranked(outcome.trials())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("trial", t.id());
            row.put("family", t.candidate().family());
            row.put("origin", t.candidate().origin());
            row.put("fraction", round(t.candidate().fraction()));
            row.put("status", t.status().name());
            row.put("metrics", t.metrics());
            row.put("fit_seconds", finite(t.fitSeconds()));
            row.put("predict_us_per_row", finite(t.predictMicrosPerRow()));
            row.put("params", t.candidate().params());
            row.put("seed", t.candidate().seed());
            if (t.error() != null) {
                row.put("error", t.error());
            }
            putRobustness(row, outcome, RobustnessChecks.label(t));
            rows.add(row);
        }
        return rows;
    }

    private static void putRobustness(Map<String, Object> row, SearchOutcome outcome, String candidate) {
        if (outcome.robustness() == null) {
            return;
        }
        outcome.robustness().reports().stream().filter(r -> r.candidate().equals(candidate)).findFirst().ifPresent(r -> {
            Map<String, Object> m = new LinkedHashMap<>(r.toMap());
            m.remove("candidate");
            m.remove("trial");
            m.remove("family");
            m.put("picked_by", outcome.robustness().picks().entrySet().stream()
                    .filter(e -> e.getValue().equals(candidate)).map(e -> e.getKey().id()).toList());
            row.put("robustness", m);
        });
    }

    /** Trials in leaderboard order. */
    public static List<Trial> ranked(List<Trial> trials) {
        return trials.stream().sorted(Comparator
                .comparingInt((Trial t) -> t.status() == TrialStatus.OK ? 0 : 1)
                .thenComparingInt(t -> t.candidate().fraction() >= 1.0 ? 0 : 1)
                .thenComparingDouble(Trial::loss)
                .thenComparingInt(Trial::id)).toList();
    }

    /** A text table of the top {@code limit} rows with the metric columns of the task. */
    public static String table(SearchOutcome outcome, int limit) {
        List<Map<String, Object>> rows = rows(outcome);
        List<String> metricNames = new ArrayList<>(outcome.metrics().keySet());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%4s  %-6s %-14s %-22s %5s", "rank", "trial", "family", "origin", "rows%"));
        for (String m : metricNames) {
            sb.append(String.format(Locale.ROOT, " %12s", m));
        }
        boolean robust = outcome.robustness() != null;
        if (robust) {
            sb.append(String.format(Locale.ROOT, " %12s", "worst_shift"));
        }
        sb.append(String.format(Locale.ROOT, " %9s %11s  %s%n", "fit_s", "predict_us", "status"));
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            sb.append(String.format(Locale.ROOT, "%4s  %-6s %-14s %-22s %5.0f", row.get("rank"),
                    row.get("trial") == null ? "-" : row.get("trial"), row.get("family"),
                    abbreviate(String.valueOf(row.get("origin")), 22), 100 * ((Number) row.get("fraction")).doubleValue()));
            @SuppressWarnings("unchecked")
            Map<String, Double> metrics = (Map<String, Double>) row.get("metrics");
            for (String m : metricNames) {
                Double v = metrics.get(m);
                sb.append(v == null ? String.format(Locale.ROOT, " %12s", "-") : String.format(Locale.ROOT, " %12.5g", v));
            }
            if (robust) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) row.get("robustness");
                Object worst = r == null ? null : r.get("worst");
                sb.append(worst == null ? String.format(Locale.ROOT, " %12s", "-")
                        : String.format(Locale.ROOT, " %12.5g", ((Number) worst).doubleValue()));
            }
            Object fit = row.get("fit_seconds");
            Object predict = row.get("predict_us_per_row");
            sb.append(String.format(Locale.ROOT, " %9s %11s  %s%n", fit == null ? "-" : String.format(Locale.ROOT, "%.2f", fit),
                    predict == null ? "-" : String.format(Locale.ROOT, "%.1f", predict), row.get("status")));
        }
        if (rows.size() > limit) {
            sb.append("... ").append(rows.size() - limit).append(" more rows in the JSON leaderboard\n");
        }
        return sb.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? round(v) : null;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
