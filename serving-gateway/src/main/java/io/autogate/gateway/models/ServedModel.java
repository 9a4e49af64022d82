package io.autogate.gateway.models;

import io.autogate.gateway.request.RowCheck;
import io.autogate.gateway.request.RowValidator;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A loaded model version with what serving it needs beside the predictor: the validator of its
 * schema and the categories it saw in training (for validation and drift). Immutable; cached per
 * version by {@link ModelService}.
 */
public record ServedModel(LoadedModel model, RowValidator validator, Map<String, Set<String>> knownCategories) {
    public ServedModel {
        knownCategories = Map.copyOf(knownCategories);
    }

    /**
     * Validates the rows against the schema and scores them: a 400 naming every bad field when any
     * row has a problem (nothing is scored then), else one prediction per row with the warnings.
     * Blocking: call on the inference pool.
     */
    public Scored score(List<Row> rows) {
        List<RowCheck> checks = validator.checkAll(rows);
        RowValidator.toException(checks).ifPresent(e -> {
            throw e;
        });
        return new Scored(model.predictor().predict(rows), RowValidator.warnings(checks));
    }

    /**
     * Scores rows one by one as far as they allow, for batch scoring: a row with a field problem
     * gets an error prediction naming it, the others are scored together. Blocking.
     */
    public List<Prediction> scoreEach(List<Row> rows) {
        List<RowCheck> checks = validator.checkAll(rows);
        List<Row> valid = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (checks.get(i).ok()) {
                valid.add(rows.get(i));
            }
        }
        List<Prediction> scored = valid.isEmpty() ? List.of() : model.predictor().predict(valid);
        List<Prediction> out = new ArrayList<>(rows.size());
        int next = 0;
        for (RowCheck check : checks) {
            out.add(check.ok() ? scored.get(next++) : Prediction.ofError(check.problems().stream()
                    .map(p -> p.describe().replaceFirst("^row \\d+:? ?", "")).collect(Collectors.joining("; "))));
        }
        return out;
    }

    /** Predictions of one call, in row order, with the validation warnings. */
    public record Scored(List<Prediction> predictions, List<String> warnings) {
    }

    /** {@code name@version}. */
    public String id() {
        return model.id();
    }
}
