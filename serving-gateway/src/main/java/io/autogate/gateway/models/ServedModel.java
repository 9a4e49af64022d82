package io.autogate.gateway.models;

import io.autogate.gateway.request.FieldProblem;
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
        // the validator is stricter than the schema's own check, so the predictor need not repeat it
        return new Scored(model.predictor().predictChecked(rows), RowValidator.warnings(checks));
    }

    /**
     * Scores rows one by one as far as they allow, for batch scoring: a row with a field problem
     * gets an error prediction naming its fields, the others their predictions. The predictor
     * already answers a row it cannot score with an error instead of failing the call, so every row
     * goes to it and the validator's richer errors replace the answers of the rows it refused.
     * Blocking.
     */
    public List<Prediction> scoreEach(List<Row> rows) {
        List<RowCheck> checks = validator.checkAll(rows);
        List<Prediction> out = new ArrayList<>(model.predictor().predict(rows));
        for (int i = 0; i < out.size(); i++) {
            RowCheck check = checks.get(i);
            if (!check.ok()) {
                out.set(i, Prediction.ofError(check.problems().stream().map(FieldProblem::describeField)
                        .collect(Collectors.joining("; "))));
            }
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
