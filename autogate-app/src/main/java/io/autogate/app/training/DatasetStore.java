package io.autogate.app.training;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.engine.ingest.ColumnTypeInference;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.ingest.DatasetLoader;
import io.autogate.runtime.schema.Row;
import io.autogate.engine.ingest.TaskDetection;
import io.autogate.gateway.api.TrainingRoutes;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Uploaded CSVs under {@code <registry>/.gateway/datasets/<id>.csv} (with the upload's file name
 * in {@code <id>.name}, both written atomically, so they survive a restart), the id being the start
 * of the content's SHA-256 (the same bytes give the same id). Checks an upload is a CSV with enough rows
 * before keeping it, and describes it for a person choosing what to predict.
 */
final class DatasetStore {
    private static final int PREVIEW_ROWS = 8;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Set<String> TARGET_NAMES = Set.of("target", "label", "class", "y", "outcome", "churned",
            "species", "price", "survived", "income", "diagnosis", "quality");

    private final Path folder;
    private final long maxBytes;

    DatasetStore(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Stores and describes an upload; 400 naming the problem when it is no usable CSV. */
    Map<String, Object> add(String fileName, byte[] csv) {
        if (csv.length == 0) {
            throw ApiException.badRequest("the file is empty: upload a CSV file with a header row and data rows");
        }
        if (csv.length > maxBytes) {
            throw new ApiException(413, "payload_too_large", "the file is " + csv.length / 1024 + " KB; the limit is "
                    + maxBytes / (1024 * 1024) + " MB");
        }
        Table table;
        try {
            table = CsvReader.read(csv, fileName);
        } catch (BadInputException e) {
            throw ApiException.badRequest("this does not look like a CSV file: " + e.getMessage());
        }
        if (table.header().size() < 2) {
            throw ApiException.badRequest("this does not look like a CSV file with columns: found "
                    + table.header().size() + " column; a dataset needs at least one column to learn from and one to predict");
        }
        if (table.rows().size() < DatasetLoader.MIN_ROWS) {
            throw ApiException.badRequest("too few rows: " + table.rows().size() + " data rows; at least "
                    + DatasetLoader.MIN_ROWS + " are needed to learn anything");
        }
        String id = HexFormat.of().formatHex(sha256(csv)).substring(0, 16);
        write(id, fileName, csv);
        return describe(id, fileName, table, csv.length);
    }

    /** The stored file of a dataset id, if any. */
    Optional<Path> file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + ".csv");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The name the dataset was uploaded under, or its id. */
    String displayName(String id) {
        try {
            Path name = folder.resolve(id + ".name");
            return Files.isRegularFile(name) ? Files.readString(name).strip() : id;
        } catch (IOException e) {
            return id;
        }
    }

    private void write(String id, String fileName, byte[] csv) {
        try {
            AtomicFiles.write(folder.resolve(id + ".name"), fileName.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(folder.resolve(id + ".csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("the dataset cannot be stored: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> describe(String id, String fileName, Table table, long bytes) {
        List<ColumnSpec> specs = ColumnTypeInference.infer(table);
        List<Map<String, Object>> columns = new ArrayList<>();
        String suggested = null;
        String suggestedTask = null;
        for (int c = 0; c < specs.size(); c++) {
            String name = specs.get(c).name();
            String task = taskIfTarget(table, c, specs.get(c).type());
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", name);
            column.put("type", specs.get(c).type().name().toLowerCase(Locale.ROOT));
            column.put("task_if_target", task);
            column.put("task_words", taskWords(task));
            columns.add(column);
            // a column named like a target wins; otherwise the last usable column, where targets usually are
            boolean named = suggested != null && TARGET_NAMES.contains(suggested.toLowerCase(Locale.ROOT));
            if (task != null && !named) {
                suggested = name;
                suggestedTask = task;
            }
        }
        if (suggested == null) {
            throw ApiException.badRequest("no usable target: every column is an identifier, free text, a constant or"
                    + " mostly missing, so there is nothing to predict");
        }
        List<Map<String, String>> preview = new ArrayList<>();
        for (String[] row : table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size()))) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < table.header().size(); c++) {
                cells.put(table.header().get(c), c < row.length ? row[c] : "");
            }
            preview.add(cells);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", fileName);
        out.put("rows", table.rows().size());
        out.put("bytes", bytes);
        out.put("columns", columns);
        out.put("preview", preview);
        out.put("suggested_target", suggested);
        out.put("task", suggestedTask);
        out.put("task_words", taskWords(suggestedTask));
        out.put("time_columns", TimeColumns.of(table, specs));
        return out;
    }

    /** The task a column would give as the target, or null when it cannot be one. */
    private static String taskIfTarget(Table table, int column, ColumnType type) {
        if (type == ColumnType.ID || type == ColumnType.CONSTANT || type == ColumnType.TEXT || type == ColumnType.DATETIME) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String v : ColumnTypeInference.columnValues(table, column)) {
            if (!Row.isMissing(v)) {
                values.add(v);
            }
        }
        if (values.size() < DatasetLoader.MIN_ROWS || TaskDetection.classes(values).size() < 2) {
            return null;
        }
        TaskType task = TaskDetection.detect(values);
        return task.id();
    }

    /** The task in plain words. */
    static String taskWords(String task) {
        if (task == null) {
            return null;
        }
        return switch (task) {
            case "binary" -> "predict a category (one of two)";
            case "multiclass" -> "predict a category";
            case "regression" -> "predict a number";
            default -> "forecast what comes next";
        };
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field problem for a 400. */
    static Map<String, Object> problem(String field, String message) {
        return TrainingRoutes.problem(field, message);
    }
}
