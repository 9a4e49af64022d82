package io.autogate.runtime.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw covariate values at given timestamps (text in the model's time format), one list per
 * covariate name aligned with {@code timestamps}; a {@code null} entry is a missing value. Used
 * for the future rows of the known covariates that a forecast needs.
 */
public record CovariateRows(List<String> timestamps, Map<String, List<String>> values) {
    /** No rows. */
    public static final CovariateRows NONE = new CovariateRows(List.of(), Map.of());

    public CovariateRows {
        timestamps = List.copyOf(timestamps);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getValue().size() != timestamps.size()) {
                throw new IllegalArgumentException("covariate '" + e.getKey() + "' has " + e.getValue().size()
                        + " values for " + timestamps.size() + " timestamps");
            }
            copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        values = Collections.unmodifiableMap(copy);
    }
}
