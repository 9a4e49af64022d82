package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An endpoint's report and drift said in plain words: traffic per arm, how often the shadow model
 * agrees with the one answering, where a canary rollout stands and what happened in it, and whether
 * the inputs still look like the training data. Pure functions of the gateway's JSON.
 */
final class MonitorWords {
    private MonitorWords() {
    }

    /** Traffic, errors and latency per arm, with each arm's share of the requests. */
    static String traffic(String endpoint, JsonNode report) {
        StringBuilder text = new StringBuilder("Endpoint " + endpoint + " (" + report.path("type").asText() + "). ");
        long total = 0;
        for (JsonNode arm : report.path("arms")) {
            total += arm.path("requests").asLong();
        }
        for (JsonNode arm : report.path("arms")) {
            long n = arm.path("requests").asLong();
            text.append(String.format(Locale.ROOT, "Arm %s (%s): %d requests%s, %.1f%% errors, typical %.1f ms, slowest 1%% %.1f ms. ",
                    arm.path("name").asText(), arm.path("model").asText(), n,
                    total > 0 ? String.format(Locale.ROOT, " (%d%% of traffic)", Math.round(100.0 * n / total)) : "",
                    100 * arm.path("error_rate").asDouble(), arm.path("p50_ms").asDouble(), arm.path("p99_ms").asDouble()));
        }
        return text.toString().strip();
    }

    /** Requests per arm, for the arm-split chart (empty before any request). */
    static Map<String, Double> armSplit(JsonNode report) {
        Map<String, Double> out = new LinkedHashMap<>();
        long total = 0;
        for (JsonNode arm : report.path("arms")) {
            total += arm.path("requests").asLong();
        }
        if (total == 0) {
            return out;
        }
        for (JsonNode arm : report.path("arms")) {
            out.put(arm.path("name").asText() + " (" + arm.path("model").asText() + ")",
                    100.0 * arm.path("requests").asLong() / total);
        }
        return out;
    }

    /** How the shadow model compares with the model answering, or null when there is no shadow. */
    static String shadow(JsonNode report) {
        JsonNode s = report.get("shadow");
        if (s == null || s.isNull()) {
            return null;
        }
        long classified = s.path("classified").asLong();
        if (classified > 0) {
            long agreed = s.path("agreed").asLong();
            return String.format(Locale.ROOT, "The model in the shadow gave the same answer as the model answering on %d of %d"
                    + " requests (%d%%).%s", agreed, classified, Math.round(100.0 * agreed / classified), copyProblems(s));
        }
        if (s.path("mean_absolute_difference").isNumber()) {
            return String.format(Locale.ROOT, "The model in the shadow differs from the model answering by %.3g on average"
                    + " (%.1f%% of the answer).%s", s.get("mean_absolute_difference").asDouble(),
                    100 * s.path("mean_relative_difference").asDouble(), copyProblems(s));
        }
        return "The model in the shadow has not been compared yet: send some predictions to the endpoint.";
    }

    private static String copyProblems(JsonNode s) {
        long lost = s.path("dropped_copies").asLong() + s.path("shed_copies").asLong() + s.path("failed_copies").asLong();
        return lost == 0 ? "" : " " + lost + " copies could not be compared (the server was busy or the shadow failed).";
    }

    /** Agreed and disagreed answers of the shadow comparison, for its chart (empty before any). */
    static Map<String, Double> shadowCounts(JsonNode report) {
        JsonNode s = report.path("shadow");
        long classified = s.path("classified").asLong();
        Map<String, Double> out = new LinkedHashMap<>();
        if (classified > 0) {
            long agreed = s.path("agreed").asLong();
            out.put("same answer", (double) agreed);
            out.put("different answer", (double) (classified - agreed));
        }
        return out;
    }

    /** Where a canary rollout stands, or null when the endpoint has none. */
    static String canary(JsonNode report) {
        JsonNode c = report.get("canary");
        if (c == null || c.isNull()) {
            return null;
        }
        int steps = c.path("steps").size();
        String percent = String.format(Locale.ROOT, "%.0f%%", c.path("candidate_percent").asDouble());
        return switch (c.path("status").asText()) {
            case "promoted" -> "The rollout is done: the new model passed every step and now answers all requests.";
            case "rolled_back" -> "The rollout was stopped: the new model did worse, so all requests went back to the"
                    + " model it was meant to replace.";
            default -> "The new model answers " + percent + " of requests (step " + (c.path("step_index").asInt() + 1)
                    + " of " + steps + ", for " + c.path("step_elapsed_seconds").asLong() + " s so far); it moves up"
                    + " a step while it does as well as the model it replaces.";
        };
    }

    /** The canary's history, oldest first, one line per event. */
    static List<String> canaryHistory(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : report.path("canary").path("history")) {
            String when = e.path("time").asText().replace('T', ' ').replaceFirst("\\.\\d+", "");
            String what = switch (e.path("action").asText()) {
                case "start" -> "started";
                case "promote" -> "moved up";
                case "rollback" -> "rolled back";
                default -> e.path("action").asText();
            };
            out.add(String.format(Locale.ROOT, "%s: %s, %.0f%% to %.0f%% of requests%s", when, what,
                    e.path("from_percent").asDouble(), e.path("to_percent").asDouble(),
                    e.path("reason").asText("").isBlank() ? "" : " (" + e.get("reason").asText() + ")"));
        }
        return out;
    }

    /** The drift (PSI) per feature of one serving model, for its chart. */
    static Map<String, Double> driftPerFeature(JsonNode model) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode f : model.path("features")) {
            if (f.path("psi").isNumber()) {
                out.put(f.path("feature").asText(), f.get("psi").asDouble());
            }
        }
        return out;
    }

    /** Whether one serving model's inputs still look like its training data, in plain words. */
    static String driftVerdict(JsonNode model) {
        String name = model.path("model").asText();
        long observed = model.path("observed").asLong();
        List<String> drifting = new ArrayList<>();
        List<String> major = new ArrayList<>();
        for (JsonNode f : model.path("features")) {
            String status = f.path("status").asText();
            if ("moderate".equals(status) || "major".equals(status)) {
                drifting.add(f.path("feature").asText());
            }
            if ("major".equals(status)) {
                major.add(f.path("feature").asText());
            }
        }
        return switch (model.path("status").asText()) {
            case "insufficient_data" -> "Too few requests to " + name + " so far (" + observed + ") to tell whether its"
                    + " inputs look like its training data.";
            case "ok" -> "The inputs " + name + " gets look like its training data (" + observed
                    + " requests checked): no feature has shifted.";
            default -> "The inputs " + name + " gets have shifted away from its training data in " + String.join(", ", drifting)
                    + (major.isEmpty() ? " (a little)" : " (strongly: " + String.join(", ", major) + ")")
                    + ": its answers on them may be less reliable; consider training again on recent data.";
        };
    }
}
