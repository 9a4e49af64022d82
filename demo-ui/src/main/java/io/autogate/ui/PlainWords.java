package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How good a model is, said for people who are not data scientists. */
final class PlainWords {
    private PlainWords() {
    }

    /** One or two sentences from a finished job's result ({@code metrics}, {@code rows}, {@code description}). */
    static String verdict(JsonNode result, String task) {
        JsonNode m = result.path("metrics");
        StringBuilder out = new StringBuilder();
        if (m.has("accuracy")) {
            long in100 = Math.round(m.get("accuracy").asDouble() * 100);
            out.append("On rows it never saw, it picks the right class ").append(in100).append(" times in 100.");
            if (m.has("auc")) {
                out.append(String.format(Locale.ROOT, " Given one row of each kind, it ranks them the right way round %d times in 100.",
                        Math.round(m.get("auc").asDouble() * 100)));
            }
        } else if (m.has("mae")) {
            out.append(String.format(Locale.ROOT, "On rows it never saw, its guesses are off by %s on average", number(m.get("mae").asDouble())));
            if (m.has("r2")) {
                out.append(String.format(Locale.ROOT, ", and it explains %d%% of the ups and downs of the %s",
                        Math.max(0, Math.round(m.get("r2").asDouble() * 100)), "target"));
            }
            out.append('.');
        } else if (m.has("mase")) {
            out.append(InsightWords.forecastVerdict(m, result.path("backtest").path("seasonal_naive"),
                    result.path("horizon").asInt()));
        } else {
            out.append("The model is trained for: ").append(task).append('.');
        }
        out.append(" Checked with ").append(result.path("validation").asText("cross-validation"))
                .append(" on ").append(result.path("rows").asInt()).append(" rows; the winner is ")
                .append(result.path("description").asText("a model")).append('.');
        return out.toString();
    }

    /** A number rounded for reading: thousands without decimals, smaller ones to 3 significant digits. */
    static String number(double v) {
        double abs = Math.abs(v);
        return abs >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
