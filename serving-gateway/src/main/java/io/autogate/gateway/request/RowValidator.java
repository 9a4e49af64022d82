package io.autogate.gateway.request;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.DateTimeValues;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks request rows against a model's schema before scoring and names every field that is
 * wrong: a feature column the row lacks, a numeric value that is not a number or not finite
 * ({@code NaN} and infinities are refused even though the pipeline would impute them), a boolean
 * value that is no boolean word nor one of the column's training values, an unparseable date, and
 * a category not seen in training (a warning under {@link UnseenCategoryPolicy#WARN}, a problem
 * under {@link UnseenCategoryPolicy#REJECT}). Missing values ({@link Row#isMissing}) are fine: the
 * pipeline imputes them. Columns the schema does not know are ignored. Immutable and thread-safe.
 */
public final class RowValidator {
    /** The most field problems an error lists in its details. */
    public static final int MAX_DETAILS = 100;
    /** The most warnings {@link #warnings} returns before a closing "and N more" line. */
    public static final int MAX_WARNINGS = 100;

    private static final int MAX_SUMMARY = 5;
    private static final int MAX_QUOTED = 60;
    private static final Set<String> NON_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf",
            "infinity", "+infinity", "-infinity");
    private static final String BOOLEAN_WORDS = "true/false, yes/no, y/n, t/f, 1/0";

    private final List<ColumnSpec> features;
    private final Map<String, Set<String>> knownCategories;
    private final UnseenCategoryPolicy policy;

    /**
     * A validator.
     *
     * @param schema the model's schema
     * @param knownCategories category keys per column from {@link KnownCategories#of}; a column
     *                        absent from the map is not checked for unseen categories
     * @param policy what an unseen category is
     */
    public RowValidator(Schema schema, Map<String, Set<String>> knownCategories, UnseenCategoryPolicy policy) {
        this.features = schema.featureColumns();
        this.knownCategories = Map.copyOf(knownCategories);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Checks one row; {@code rowIndex} is its position in the request. */
    public RowCheck check(int rowIndex, Row row) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FieldProblem> warnings = new ArrayList<>();
        for (ColumnSpec column : features) {
            String name = column.name();
            if (!row.has(name)) {
                problems.add(new FieldProblem(rowIndex, name, "missing field '" + name + "'"));
                continue;
            }
            String raw = row.get(name);
            switch (column.type()) {
                case NUMERIC -> numberProblem(raw).ifPresent(p -> problems.add(new FieldProblem(rowIndex, name, p)));
                case DATETIME -> dateProblem(raw, column.datetimePattern())
                        .ifPresent(p -> problems.add(new FieldProblem(rowIndex, name, p)));
                case BOOLEAN -> checkBoolean(rowIndex, name, raw, problems, warnings);
                case CATEGORICAL -> checkCategory(rowIndex, name, raw, problems, warnings);
                default -> {
                }
            }
        }
        return new RowCheck(rowIndex, problems, warnings);
    }

    /** Checks every row of a request, in order. */
    public List<RowCheck> checkAll(List<Row> rows) {
        List<RowCheck> checks = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checks.add(check(i, rows.get(i)));
        }
        return checks;
    }

    /**
     * The 400 error for rows with problems, empty when every row is fine. The message counts the
     * rows and quotes the first few problems, e.g. {@code 2 rows have invalid fields: row 0 field
     * 'age': must be a number, got 'abc'; row 1: missing field 'age'}; the details list every
     * problem up to {@link #MAX_DETAILS}.
     */
    public static Optional<ApiException> toException(List<RowCheck> checks) {
        List<FieldProblem> problems = new ArrayList<>();
        int badRows = 0;
        for (RowCheck check : checks) {
            if (!check.ok()) {
                badRows++;
                problems.addAll(check.problems());
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder()
                .append(badRows).append(badRows == 1 ? " row has" : " rows have").append(" invalid fields: ");
        for (int i = 0; i < Math.min(MAX_SUMMARY, problems.size()); i++) {
            message.append(i == 0 ? "" : "; ").append(problems.get(i).describe());
        }
        if (problems.size() > MAX_SUMMARY) {
            message.append("; and ").append(problems.size() - MAX_SUMMARY).append(" more");
        }
        List<Map<String, Object>> details = problems.stream().limit(MAX_DETAILS).map(FieldProblem::toDetail).toList();
        return Optional.of(ApiException.badRequest(message.toString(), details));
    }

    /**
     * The warnings of all rows as lines for people, at most {@link #MAX_WARNINGS} of them followed
     * by {@code and N more warnings} when there are more.
     */
    public static List<String> warnings(List<RowCheck> checks) {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (RowCheck check : checks) {
            for (FieldProblem w : check.warnings()) {
                if (total++ < MAX_WARNINGS) {
                    lines.add(w.describe());
                }
            }
        }
        if (total > MAX_WARNINGS) {
            lines.add("and " + (total - MAX_WARNINGS) + " more warnings");
        }
        return List.copyOf(lines);
    }

    private static Optional<String> numberProblem(String raw) {
        if (raw != null && !Double.isNaN(RawValues.plainInteger(raw))) {
            return Optional.empty(); // the common case, without the token set or the general parser
        }
        if (raw != null && NON_FINITE.contains(raw.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("must be a finite number, got " + quote(raw));
        }
        if (Row.isMissing(raw)) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(raw.strip());
            return Double.isFinite(v) ? Optional.empty() : Optional.of("must be a finite number, got " + quote(raw));
        } catch (NumberFormatException e) {
            return Optional.of("must be a number, got " + quote(raw));
        }
    }

    private static Optional<String> dateProblem(String raw, String pattern) {
        if (Row.isMissing(raw) || DateTimeValues.parse(raw, pattern).isPresent()) {
            return Optional.empty();
        }
        String form = pattern == null
                ? "in ISO-8601 form such as 2024-05-31 or 2024-05-31T13:45:00"
                : "in the form " + pattern;
        return Optional.of("must be a date/time " + form + ", got " + quote(raw));
    }

    private void checkBoolean(int rowIndex, String name, String raw, List<FieldProblem> problems,
                              List<FieldProblem> warnings) {
        String key = KnownCategories.key(ColumnType.BOOLEAN, raw);
        if (key == null || RawValues.isTrueWord(key) || RawValues.isFalseWord(key)) {
            return;
        }
        Set<String> known = knownCategories.get(name);
        if (known != null && known.contains(key)) {
            return;
        }
        boolean trainedOnWords = known == null
                || known.stream().allMatch(k -> RawValues.isTrueWord(k) || RawValues.isFalseWord(k));
        if (trainedOnWords) {
            problems.add(new FieldProblem(rowIndex, name, "must be a boolean (" + BOOLEAN_WORDS + "), got " + quote(raw)));
        } else {
            unseen(new FieldProblem(rowIndex, name, unseenText(raw, known)), problems, warnings);
        }
    }

    private void checkCategory(int rowIndex, String name, String raw, List<FieldProblem> problems,
                               List<FieldProblem> warnings) {
        String key = KnownCategories.key(ColumnType.CATEGORICAL, raw);
        Set<String> known = knownCategories.get(name);
        if (key != null && known != null && !known.contains(key)) {
            unseen(new FieldProblem(rowIndex, name, unseenText(raw, known)), problems, warnings);
        }
    }

    private void unseen(FieldProblem finding, List<FieldProblem> problems, List<FieldProblem> warnings) {
        (policy == UnseenCategoryPolicy.REJECT ? problems : warnings).add(finding);
    }

    private static String unseenText(String raw, Set<String> known) {
        return "category " + quote(raw.strip()) + " was not seen in training (" + known.size() + " known)";
    }

    private static String quote(String raw) {
        return "'" + (raw.length() > MAX_QUOTED ? raw.substring(0, MAX_QUOTED - 3) + "..." : raw) + "'";
    }
}
