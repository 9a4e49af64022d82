package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.training.ForecastJobOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forecasting fields of a training job body: {@code task} ({@code auto}, the default, or
 * {@code forecast}), and for a forecast {@code time_column} (required), {@code series_column}
 * (optional), {@code horizon} (required, 1 to {@value #MAX_HORIZON}), {@code known_covariates} /
 * {@code past_covariates} (optional arrays of column names), {@code ensemble_rule} (optional, a
 * rule's name) and {@code max_history} (optional, a whole number of steps). Each wrong field is added
 * to the request's problems; which rules exist and the shortest history are the trainer's to check.
 */
final class ForecastJobFields {
    /** Longest horizon a job may ask for (the forecaster's own limit). */
    static final int MAX_HORIZON = 10_000;
    private static final String KNOWN = ForecastJobOptions.KNOWN_COVARIATES_FIELD;
    private static final String PAST = ForecastJobOptions.PAST_COVARIATES_FIELD;
    private static final String RULE = ForecastJobOptions.ENSEMBLE_RULE_FIELD;
    private static final String COLUMN = "a column name";
    private static final String HISTORY = ForecastJobOptions.MAX_HISTORY_FIELD;

    private ForecastJobFields() {
    }

    /** The forecast options, or {@code null} for a job that does not forecast. */
    static ForecastJobOptions parse(JsonNode body, List<Map<String, Object>> problems) {
        JsonNode task = body.get("task");
        boolean forecast = task != null && !task.isNull() && "forecast".equals(task.asText());
        if (task != null && !task.isNull() && !(task.isTextual() && (forecast || "auto".equals(task.asText())))) {
            problems.add(TrainingRoutes.problem("task", "must be 'auto' (predict the target from the other columns) or"
                    + " 'forecast' (forecast the target's next values over time), got " + task));
            return null;
        }
        if (!forecast) {
            for (String field : List.of("time_column", "series_column", "horizon", KNOWN, PAST, RULE, HISTORY)) {
                if (body.hasNonNull(field)) {
                    problems.add(TrainingRoutes.problem(field, "only applies with \"task\": \"forecast\""));
                }
            }
            return null;
        }
        int before = problems.size();
        String time = text(body, "time_column", true, COLUMN, problems);
        String series = text(body, "series_column", false, COLUMN, problems);
        JsonNode h = body.get("horizon");
        int horizon = 0;
        if (h == null || h.isNull()) {
            problems.add(TrainingRoutes.problem("horizon", "is required for a forecast: how many steps ahead to forecast"));
        } else if (!h.isIntegralNumber() || !h.canConvertToInt() || h.asInt() < 1 || h.asInt() > MAX_HORIZON) {
            problems.add(TrainingRoutes.problem("horizon", "must be a whole number of steps from 1 to " + MAX_HORIZON
                    + ", got " + h));
        } else {
            horizon = h.asInt();
        }
        if (time != null && time.equals(series)) {
            problems.add(TrainingRoutes.problem("series_column", "must differ from time_column"));
        }
        List<String> known = names(body, KNOWN, problems);
        List<String> past = names(body, PAST, problems);
        String rule = text(body, RULE, false, "the name of an ensemble rule", problems);
        Integer history = maxHistory(body, problems);
        return problems.size() > before ? null : new ForecastJobOptions(time, series, horizon, known, past, rule, history);
    }

    // the optional number of most recent steps kept per series; null when absent or wrong (with a problem)
    private static Integer maxHistory(JsonNode body, List<Map<String, Object>> problems) {
        JsonNode m = body.get(HISTORY);
        if (m == null || m.isNull()) {
            return null;
        }
        if (m.isIntegralNumber() && m.canConvertToInt() && m.asInt() >= 1) {
            return m.asInt();
        }
        problems.add(TrainingRoutes.problem(HISTORY, "must be a whole number of steps kept per series, got " + m));
        return null;
    }

    // an optional array of column names; null (with a problem) when it is anything else
    private static List<String> names(JsonNode body, String field, List<Map<String, Object>> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode n : v) {
                if (!n.isTextual() || n.asText().isBlank()) {
                    break;
                }
                names.add(n.asText().strip());
            }
        }
        if (!v.isArray() || names.size() != v.size()) {
            problems.add(TrainingRoutes.problem(field, "must be an array of column names, got " + v));
            return null;
        }
        return names;
    }

    // an optional (or required) non-blank string; null (with a problem) when it is anything else
    private static String text(JsonNode body, String field, boolean required, String what,
                               List<Map<String, Object>> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(TrainingRoutes.problem(field, "is required for a forecast"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(TrainingRoutes.problem(field, "must be " + what + ", got " + v));
            return null;
        }
        return v.asText();
    }
}
