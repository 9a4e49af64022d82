package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.data.Table;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a CSV file and a target column into a checked {@link Dataset}: reads the file
 * ({@link CsvReader}), drops rows without a target, decides the task ({@link TaskDetection}, or the
 * user's override), infers column types ({@link ColumnTypeInference}, except those the user set:
 * {@link ColumnTypeOverrides}), profiles
 * ({@link Profiler}) and builds the {@link Schema}: every column but the target, in file order.
 * {@code y} holds the class index (classification) or the value (regression).
 *
 * <p>Problems are {@link BadInputException}s with one-line messages: an unknown target (with the
 * closest column names), a target that is always missing or has a single value, a forced task the
 * target cannot support, fewer than {@value #MIN_ROWS} rows with a target, no usable feature column. A class with a single
 * row is allowed but noted. Stateless and thread-safe.
 */
public final class DatasetLoader {
    /** The fewest rows with a target that can be trained on. */
    public static final int MIN_ROWS = 20;
    private static final int MAX_LISTED = 5;

    private DatasetLoader() {
    }

    /**
     * Loads a CSV file for training.
     *
     * @param csv the file
     * @param target the target column's name
     * @param taskOverride the task the user asked for, or {@code null} to detect it
     */
    public static Dataset load(Path csv, String target, TaskType taskOverride) {
        return load(csv, target, taskOverride, Map.of());
    }

    /**
     * Loads a CSV file for training with some columns' types set by the user
     * ({@link ColumnTypeOverrides}) instead of inferred.
     */
    public static Dataset load(Path csv, String target, TaskType taskOverride, Map<String, ColumnType> columnTypes) {
        byte[] bytes = CsvReader.readAllBytes(csv);
        Table table = CsvReader.read(bytes, csv.toString());
        return fromTable(table, target, taskOverride, sha256(bytes), csv.toString(), columnTypes);
    }

    /** Builds a dataset from a table already read; messages call it "the data". */
    public static Dataset fromTable(Table table, String target, TaskType taskOverride, String sha256) {
        return fromTable(table, target, taskOverride, sha256, "the data");
    }

    /**
     * Builds a dataset from a table already read.
     *
     * @param source how messages name the data, such as the file's path
     */
    public static Dataset fromTable(Table table, String target, TaskType taskOverride, String sha256, String source) {
        return fromTable(table, target, taskOverride, sha256, source, Map.of());
    }

    /**
     * Builds a dataset from a table already read, with some columns' types set by the user.
     *
     * @param columnTypes column name to the type to use instead of the inferred one
     */
    public static Dataset fromTable(Table table, String target, TaskType taskOverride, String sha256, String source,
                                    Map<String, ColumnType> columnTypes) {
        if (target == null || target.isBlank()) {
            throw new BadInputException("no target column given; the columns of " + source + " are: "
                    + listed(table.header(), 20));
        }
        int t = table.header().indexOf(target);
        if (t < 0) {
            throw new BadInputException(unknownTarget(target, table.header(), source));
        }
        List<String> targetValues = ColumnTypeInference.columnValues(table, t);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (!MissingValues.isMissing(targetValues.get(i))) {
                rows.add(table.rows().get(i));
                lines.add(table.lineNumbers().get(i));
            }
        }
        if (rows.isEmpty()) {
            throw new BadInputException("target '" + target + "' has no values: it is missing in all "
                    + table.rows().size() + " rows of " + source);
        }
        int dropped = table.rows().size() - rows.size();
        Table kept = dropped == 0 ? table : new Table(table.header(), rows, lines);
        List<String> values = ColumnTypeInference.columnValues(kept, t);
        List<String> classes = TaskDetection.classes(values);
        if (classes.size() == 1) {
            throw new BadInputException("target '" + target + "' has a single value '" + classes.get(0)
                    + "': nothing to learn");
        }
        TaskType task = taskOverride != null ? taskOverride : TaskDetection.detect(values);
        checkTask(task, taskOverride != null, target, kept, values, classes);
        if (rows.size() < MIN_ROWS) {
            throw new BadInputException("only " + rows.size() + (rows.size() == 1 ? " row" : " rows")
                    + " with a target; at least " + MIN_ROWS + " are needed");
        }

        List<ColumnSpec> specs = ColumnTypeOverrides.apply(kept, ColumnTypeInference.infer(kept), columnTypes, target);
        specs.set(t, ColumnSpec.of(target, task.isClassification() ? ColumnType.CATEGORICAL : ColumnType.NUMERIC));
        DatasetProfile profiled = Profiler.profile(kept, specs, target);

        double[] y = new double[rows.size()];
        List<String> notes = new ArrayList<>();
        if (dropped > 0) {
            notes.add(dropped + (dropped == 1 ? " row" : " rows") + " without a target dropped");
        }
        if (task.isClassification()) {
            int[] index = TaskDetection.classIndexes(values, classes);
            int[] perClass = new int[classes.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = index[i];
                perClass[index[i]]++;
            }
            for (int k = 0; k < perClass.length; k++) {
                if (perClass[k] < 2) {
                    notes.add("class '" + classes.get(k) + "' of target '" + target + "' has only " + perClass[k]
                            + " row; it cannot appear in both training and validation folds");
                }
            }
        } else {
            for (int i = 0; i < y.length; i++) {
                y[i] = NumericText.parse(values.get(i).strip());
            }
        }
        notes.addAll(profiled.notes());
        DatasetProfile profile = new DatasetProfile(profiled.rows(), profiled.columns(), notes);

        List<ColumnSpec> columns = new ArrayList<>(specs);
        columns.remove(t);
        Schema schema = new Schema(columns, target, task, task.isClassification() ? classes : List.of());
        if (schema.featureColumns().isEmpty()) {
            throw new BadInputException(columns.isEmpty()
                    ? source + " has no columns besides the target '" + target + "'"
                    : "no usable feature columns in " + source + ": " + String.join("; ", profiled.notes()));
        }
        Map<String, Integer> index = Row.index(kept.header());
        List<Row> dataRows = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            dataRows.add(Row.of(index, r));
        }
        return new Dataset(schema, dataRows, y, profile, sha256);
    }

    private static void checkTask(TaskType task, boolean forced, String target, Table kept, List<String> values,
            List<String> classes) {
        String flag = forced ? "--task " + task.id() : "task " + task.id();
        switch (task) {
            case REGRESSION -> {
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i).strip();
                    if (!NumericText.isNumber(v)) {
                        throw new BadInputException(flag + " needs a numeric target, but target '" + target
                                + "' has the value '" + v + "' (line " + kept.lineNumbers().get(i) + ")");
                    }
                }
            }
            case BINARY -> {
                if (classes.size() != 2) {
                    throw new BadInputException(flag + " needs exactly 2 classes, but target '" + target + "' has "
                            + classes.size() + ": " + listed(classes, MAX_LISTED));
                }
            }
            case MULTICLASS -> {
                if (classes.size() < 3) {
                    throw new BadInputException(flag + " needs at least 3 classes, but target '" + target
                            + "' has 2: " + listed(classes, MAX_LISTED) + "; use --task binary");
                }
            }
        }
    }

    private static String unknownTarget(String target, List<String> header, String source) {
        List<String> close = ColumnNameSuggestions.closest(target, header, 3);
        String message = "no column '" + target + "' in " + source;
        if (close.isEmpty()) {
            return message + "; the columns are: " + listed(header, 20);
        }
        return message + "; did you mean " + close.stream().map(c -> "'" + c + "'")
                .collect(Collectors.joining(" or ")) + "?";
    }

    private static String listed(List<String> names, int max) {
        String shown = names.stream().limit(max).map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        return names.size() > max ? shown + ", ... (" + names.size() + " in all)" : shown;
    }

    /** Hex SHA-256 of some bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
