package io.autogate.runtime.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract between a model and its callers: the input columns in order with their types,
 * the target, the task and, for classification, the class labels in the order of the model's
 * probability outputs. Columns of a non-feature type (ID, constant, text) are kept so callers may
 * send them, but the pipeline ignores them.
 */
public record Schema(List<ColumnSpec> columns, String target, TaskType task, List<String> classes) {
    public Schema {
        columns = List.copyOf(columns);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (task.isClassification() && classes.size() < 2) {
            throw new IllegalArgumentException("a classification schema needs at least two classes");
        }
        if (!task.isClassification() && !classes.isEmpty()) {
            throw new IllegalArgumentException("a regression schema has no classes");
        }
    }

    /** The column with this name, if the schema has it. */
    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Columns that feed the model. */
    public List<ColumnSpec> featureColumns() {
        return columns.stream().filter(c -> c.type().isFeature()).toList();
    }

    /**
     * Checks a row against the schema and names every field that is wrong: a feature column the
     * row lacks entirely, or a numeric column whose value is not a number. Missing values
     * (empty, NA, ...) are fine: the pipeline imputes them.
     *
     * @return the problems, empty when the row can be scored
     */
    public List<String> problems(Row row) {
        List<String> problems = new ArrayList<>();
        for (ColumnSpec c : featureColumns()) {
            if (!row.has(c.name())) {
                problems.add("missing column '" + c.name() + "'");
                continue;
            }
            String raw = row.get(c.name());
            if (c.type() == ColumnType.NUMERIC && !Row.isMissing(raw) && !isNumber(raw)) {
                problems.add("column '" + c.name() + "' must be a number, got '" + raw + "'");
            }
        }
        return problems;
    }

    private static boolean isNumber(String raw) {
        try {
            double v = Double.parseDouble(raw.strip());
            return !Double.isInfinite(v) || raw.strip().toLowerCase(java.util.Locale.ROOT).contains("inf");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
