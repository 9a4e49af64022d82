package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRows;
import io.autogate.runtime.forecast.ForecastSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads covariate values from forecast requests: the covariate fields of each history point and
 * the {@code future} rows of the known-in-advance covariates. A value is a number, a string or a
 * boolean; {@code null} or an absent field is a missing value (imputed in the history, an error
 * at a forecast step). Fields of a model without covariates are not read.
 */
final class CovariateFields {
    /** Most future rows one series may send. */
    static final int MAX_FUTURE_ROWS = 10_000;

    private CovariateFields() {
    }

    /** The future rows of {@code node} (a JSON array of objects) for the spec's known covariates. */
    static CovariateRows future(ForecastSpec spec, JsonNode node, String field) {
        if (spec.knownCovariates().isEmpty() || node == null || node.isNull()) {
            return CovariateRows.NONE;
        }
        if (!node.isArray() || node.size() > MAX_FUTURE_ROWS) {
            throw ApiException.badRequest("field '" + field + "' must be an array of at most " + MAX_FUTURE_ROWS
                    + " {timestamp, <covariate>: value} rows");
        }
        List<String> stamps = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            JsonNode t = row == null || !row.isObject() ? null : row.get("timestamp");
            if (t == null || !t.isTextual()) {
                throw ApiException.badRequest("field '" + field + "[" + i + "].timestamp' must be a string");
            }
            stamps.add(t.asText());
        }
        return new CovariateRows(stamps, values(spec.knownCovariates(), node, field));
    }

    /** Per covariate of the spec, its value on each history point ({@code null} = missing). */
    static Map<String, List<String>> history(ForecastSpec spec, JsonNode points, String field) {
        return spec.covariates().isEmpty() ? Map.of() : values(spec.covariates(), points, field);
    }

    private static Map<String, List<String>> values(List<Covariate> covariates, JsonNode rows, String field) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Covariate c : covariates) {
            List<String> column = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode v = rows.get(i).get(c.name());
                if (v == null || v.isNull()) {
                    column.add(null);
                } else if (v.isNumber() || v.isTextual() || v.isBoolean()) {
                    column.add(v.asText());
                } else {
                    throw ApiException.badRequest("field '" + field + "[" + i + "]." + c.name()
                            + "' must be a number, a string or a boolean");
                }
            }
            out.put(c.name(), column);
        }
        return out;
    }
}
