package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sentence under each result chart, for people who are not data scientists: what the model
 * leans on, which classes it mixes up, how far its guesses land, and how a forecast compares with
 * the simple seasonal rule.
 */
final class InsightWords {
    private InsightWords() {
    }

    /** From an insight card's {@code feature_importance} (largest first) and its metric. */
    static String importance(JsonNode features, String metric) {
        List<String> used = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (JsonNode f : features) {
            (f.path("importance").asDouble() > 1e-9 ? used : unused).add(f.path("feature").asText());
        }
        if (used.isEmpty()) {
            return "Shuffling any single column barely changes its answers: it does not lean on one column more than another.";
        }
        StringBuilder out = new StringBuilder("The model leans most on ").append(used.get(0));
        if (used.size() > 1) {
            out.append(", then ").append(String.join(" and ", used.subList(1, Math.min(3, used.size()))));
        }
        out.append(String.format(Locale.ROOT, ": shuffling %s's values among the rows makes its %s %s by %s.", used.get(0), metric,
                "auc".equals(metric) ? "fall" : "rise", number(features.get(0).path("importance").asDouble())));
        if (!unused.isEmpty()) {
            out.append(' ').append(unused.size() == 1 ? unused.get(0) + " makes" : String.join(", ", unused.subList(0,
                    Math.min(4, unused.size()))) + (unused.size() > 4 ? " and others make" : " make")).append(" no difference.");
        }
        return out.toString();
    }

    /** From an insight card's {@code confusion}: its most frequent mistake per 100 rows. */
    static String confusion(JsonNode confusion) {
        JsonNode counts = confusion.path("counts");
        long total = 0;
        long wrong = 0;
        int worstA = -1;
        int worstP = -1;
        int worst = 0;
        for (int a = 0; a < counts.size(); a++) {
            for (int p = 0; p < counts.get(a).size(); p++) {
                int c = counts.get(a).get(p).asInt();
                total += c;
                if (a != p) {
                    wrong += c;
                    if (c > worst) {
                        worst = c;
                        worstA = a;
                        worstP = p;
                    }
                }
            }
        }
        if (total == 0) {
            return "";
        }
        if (wrong == 0) {
            return "On the " + total + " rows it never saw, it mixed up no classes at all.";
        }
        String actual = confusion.path("classes").get(worstA).asText();
        String predicted = confusion.path("classes").get(worstP).asText();
        return String.format(Locale.ROOT, "Its most common mistake is taking %s for %s: in %s of 100 rows (%d of the %d rows it"
                + " never saw). Altogether it is wrong in %s of 100.", actual, predicted, per100(worst, total), worst, total,
                per100(wrong, total));
    }

    /** From an insight card's {@code predicted_vs_actual}: how far half and nine in ten guesses land. */
    static String predictedVsActual(JsonNode points, String target) {
        JsonNode actual = points.path("actual");
        double[] errors = new double[actual.size()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(actual.get(i).asDouble() - points.path("predicted").get(i).asDouble());
        }
        if (errors.length == 0) {
            return "";
        }
        Arrays.sort(errors);
        return String.format(Locale.ROOT, "Each dot is a row it never saw; on the green line the guess is exact. Half of its"
                + " guesses of %s are within %s of the truth, 9 in 10 within %s.", target, number(errors[errors.length / 2]),
                number(errors[(int) Math.min(errors.length - 1, Math.floor(errors.length * 0.9))]));
    }

    /** A forecast job's verdict from its ensemble scores ({@code mase}, {@code coverage_80}) and the rival rule's. */
    static String forecastVerdict(JsonNode ensemble, JsonNode seasonalNaive, int horizon) {
        double mase = ensemble.path("mase").asDouble();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Forecasting up to %d steps ahead on past stretches"
                + " it was not shown, its errors were %s the typical error of repeating the value from one season earlier"
                + " (MASE %.2f; below 1 is better than that rule)", horizon, times(mase), mase));
        if (seasonalNaive != null && seasonalNaive.has("mase")) {
            double rule = seasonalNaive.get("mase").asDouble();
            out.append(String.format(Locale.ROOT, "; the seasonal rule itself scored %.2f on the same stretches, so the model is %s",
                    rule, mase < rule ? Math.round(100 * (1 - mase / rule)) + "% more accurate" : "not better than it"));
        }
        out.append('.');
        if (ensemble.has("coverage_80")) {
            out.append(String.format(Locale.ROOT, " The 80%% band held the true value %d times in 100, the 95%% band %d times.",
                    Math.round(100 * ensemble.get("coverage_80").asDouble()),
                    Math.round(100 * ensemble.path("coverage_95").asDouble())));
        }
        return out.toString();
    }

    private static String times(double ratio) {
        if (ratio < 1) {
            return Math.round(100 * (1 - ratio)) + "% smaller than";
        }
        return String.format(Locale.ROOT, "%.1f times", ratio);
    }

    private static String per100(long part, long total) {
        double v = 100.0 * part / total;
        return v >= 10 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        return PlainWords.number(v);
    }
}
