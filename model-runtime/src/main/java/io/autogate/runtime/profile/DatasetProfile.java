package io.autogate.runtime.profile;

import java.util.List;
import java.util.Optional;

/**
 * The training data as profiled: row count, one {@link ColumnProfile} per column (target
 * included) and plain-language notes such as "column 'id' dropped: unique per row".
 */
public record DatasetProfile(long rows, List<ColumnProfile> columns, List<String> notes) {
    public DatasetProfile {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /** The profile of a column by name. */
    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
