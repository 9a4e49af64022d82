package io.autogate.engine.data;

import java.util.List;

/**
 * A raw table as read from a file: the header and every data row as text, untouched apart from
 * CSV unquoting. {@code lineNumbers.get(i)} is the 1-based line in the file where row {@code i}
 * starts, for error messages.
 */
public record Table(List<String> header, List<String[]> rows, List<Integer> lineNumbers) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        lineNumbers = List.copyOf(lineNumbers);
    }
}
