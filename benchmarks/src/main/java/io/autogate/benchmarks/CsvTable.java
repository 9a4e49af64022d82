package io.autogate.benchmarks;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.predict.PredictionCsv;
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
     * Parses CSV text with a header row, with the engine's own reader ({@link CsvReader}), so the
     * benchmark reads files exactly as {@code autogate train} does.
     *
     * @param source name used in error messages (usually the file path)
     */
    public static CsvTable parse(String text, String source) {
        Table table = CsvReader.read(text.getBytes(StandardCharsets.UTF_8), source);
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (String[] row : table.rows()) {
            rows.add(List.of(row));
        }
        return new CsvTable(table.header(), rows);
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
        return PredictionCsv.quote(value);
    }
}
