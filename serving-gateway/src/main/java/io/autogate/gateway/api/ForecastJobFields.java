package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.training.ForecastJobOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forecasting fields of a training job body: {@code task} ({@code auto}, the default, or
 * {@code forecast}), and for a forecast {@code time_column} (required), {@code series_column}
 * (optional), {@code horizon} (required, 1 to {@value #MAX_HORIZON}) and {@code known_covariates} /
 * {@code past_covariates} (optional arrays of column names). Each wrong field is added to the
 * request's problems.
 */
final class ForecastJobFields {
    /** Longest horizon a job may ask for (the forecaster's own limit). */
    static final int MAX_HORIZON = 10_000;
    private static final String KNOWN = ForecastJobOptions.KNOWN_COVARIATES_FIELD;
    private static final String PAST = ForecastJobOptions.PAST_COVARIATES_FIELD;

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
            for (String field : List.of("time_column", "series_column", "horizon", KNOWN, PAST)) {
                if (body.hasNonNull(field)) {
                    problems.add(TrainingRoutes.problem(field, "only applies with \"task\": \"forecast\""));
                }
            }
            return null;
        }
        String time = text(body, "time_column", true, problems);
        String series = text(body, "series_column", false, problems);
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
        return time == null || horizon == 0 || known == null || past == null ? null
                : new ForecastJobOptions(time, series, horizon, known, past);
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

    private static String text(JsonNode body, String field, boolean required, List<Map<String, Object>> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(TrainingRoutes.problem(field, "is required for a forecast"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(TrainingRoutes.problem(field, "must be a column name, got " + v));
            return null;
        }
        return v.asText();
    }
}
