package io.autogate.benchmarks;

import io.autogate.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file held as text: the header and the data rows, each row exactly as wide as the header.
 * Reads and writes RFC 4180: fields that contain a comma, a double quote or a line break are quoted,
 * quotes inside doubled; {@code \r\n} and {@code \n} both end a record; a leading UTF-8 BOM is dropped.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows.get(r).size()
                        + " fields but the header has " + header.size());
            }
        }
    }

    /** Reads a CSV file with a header row; a malformed file raises {@link BadInputException}. */
    public static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses CSV text with a header row.
     *
     * @param source name used in error messages (usually the file path)
     */
    public static CsvTable parse(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int position = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int recordLine = 1;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean recordHasContent = false;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (inQuotes) {
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        field.append('"');
                        position++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new BadInputException(source + " line " + line + ": a quote inside an unquoted field");
                    }
                    inQuotes = true;
                    fieldWasQuoted = true;
                    recordHasContent = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                    recordHasContent = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    if (recordHasContent || field.length() > 0) {
                        fields.add(field.toString());
                        records.add(List.copyOf(fields));
                        startLines.add(recordLine);
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    recordHasContent = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new BadInputException(source + " line " + line + ": text after a closing quote");
                    }
                    field.append(c);
                    recordHasContent = true;
                }
            }
        }
        if (inQuotes) {
            throw new BadInputException(source + " line " + recordLine + ": a quoted field is never closed");
        }
        if (recordHasContent || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
            startLines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw new BadInputException(source + " is empty: a header row is required");
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != header.size()) {
                throw new BadInputException(source + " line " + startLines.get(r) + ": " + records.get(r).size()
                        + " fields, but the header has " + header.size());
            }
        }
        return new CsvTable(header, records.subList(1, records.size()));
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.size();
    }

    /** Index of the named column; {@link BadInputException} if there is none. */
    public int columnIndex(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new BadInputException("no column '" + name + "' among " + header);
        }
        return index;
    }

    /** Every value of the named column, in row order. */
    public List<String> column(String name) {
        int index = columnIndex(name);
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** A table with the same header and the given rows, in the given order. */
    public CsvTable selectRows(List<Integer> rowIndices) {
        return new CsvTable(header, rowIndices.stream().map(rows::get).toList());
    }

    /** Writes the table as RFC 4180 CSV with {@code \n} line endings. */
    public void write(Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRecord(writer, header);
            for (List<String> row : rows) {
                writeRecord(writer, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeRecord(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(values.get(i)));
        }
        writer.write('\n');
    }

    /** The value as an RFC 4180 field: quoted (quotes doubled) only if it holds a comma, quote or line break. */
    public static String quote(String value) {
        boolean needsQuotes = false;
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char c = value.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
