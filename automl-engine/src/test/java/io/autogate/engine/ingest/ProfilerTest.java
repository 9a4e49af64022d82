package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.data.Table;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilerTest {
    private static Table table(List<String> header, String[]... rows) {
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            lines.add(i + 2);
        }
        return new Table(header, List.of(rows), lines);
    }

    @Test
    void numericColumnsGetMomentsAndQuantiles() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            rows.add(new String[] {Integer.toString(i)});
        }
        rows.add(new String[] {"NA"});
        Table t = new Table(List.of("x"), rows, rows.stream().map(r -> 0).toList());
        ColumnProfile p = Profiler.profile(t, List.of(ColumnSpec.of("x", ColumnType.NUMERIC))).columns().get(0);
        assertEquals(102, p.count());
        assertEquals(1, p.missing());
        assertEquals(101, p.distinct());
        assertEquals(1.0, p.min());
        assertEquals(101.0, p.max());
        assertEquals(51.0, p.mean(), 1e-12);
        assertEquals(Math.sqrt(101 * 102 / 12.0), p.std(), 1e-9); // sample std of 1..101
        assertEquals(List.of("p01", "p05", "p25", "p50", "p75", "p95", "p99"), List.copyOf(p.quantiles().keySet()));
        assertEquals(2.0, p.quantiles().get("p01"), 1e-12);
        assertEquals(6.0, p.quantiles().get("p05"), 1e-12);
        assertEquals(51.0, p.quantiles().get("p50"), 1e-12);
        assertEquals(100.0, p.quantiles().get("p99"), 1e-12);
        assertEquals(List.of(11.0, 21.0, 31.0, 41.0, 51.0, 61.0, 71.0, 81.0, 91.0), p.histogram().edges());
        assertEquals(List.of(11L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L), p.histogram().counts(),
                "the histogram counts the 101 numbers, not the missing one");
        assertTrue(p.topCategories().isEmpty());
        assertNull(p.note());
    }

    @Test
    void quantilesInterpolateLinearly() {
        assertEquals(2.5, Profiler.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(1.3, Profiler.quantile(new double[] {1, 2}, 0.3), 1e-12);
        assertEquals(7.0, Profiler.quantile(new double[] {7}, 0.99), 1e-12);
    }

    @Test
    void categoricalColumnsKeepTheTwentyMostFrequentValues() {
        List<String[]> rows = new ArrayList<>();
        for (int v = 0; v < 25; v++) {
            for (int k = 0; k <= v; k++) {
                rows.add(new String[] {"v" + v});
            }
        }
        Table t = new Table(List.of("c"), rows, rows.stream().map(r -> 0).toList());
        ColumnProfile p = Profiler.profile(t, List.of(ColumnSpec.of("c", ColumnType.CATEGORICAL))).columns().get(0);
        assertEquals(25, p.distinct());
        assertEquals(20, p.topCategories().size());
        assertEquals(new CategoryCount("v24", 25), p.topCategories().get(0));
        assertEquals(new CategoryCount("v5", 6), p.topCategories().get(19));
        assertNull(p.min());
        assertNull(p.quantiles());
    }

    @Test
    void droppedColumnsAreNotedInPlainWords() {
        Table t = table(List.of("PassengerId", "x", "Name", "when", "y"),
                new String[] {"1", "k", "Braund, Mr. Owen Harris", "2020-01", "a"},
                new String[] {"2", "k", "Cumings, Mrs. John Bradley", "2020-02", "b"},
                new String[] {"3", "k", "Heikkinen, Miss. Laina", "", "a"});
        List<ColumnSpec> specs = List.of(ColumnSpec.of("PassengerId", ColumnType.ID),
                ColumnSpec.of("x", ColumnType.CONSTANT), ColumnSpec.of("Name", ColumnType.TEXT),
                new ColumnSpec("when", ColumnType.DATETIME, "yyyy-MM"), ColumnSpec.of("y", ColumnType.CATEGORICAL));
        DatasetProfile profile = Profiler.profile(t, specs, "y");
        assertEquals(3, profile.rows());
        assertEquals(List.of("column 'PassengerId' dropped: unique per row (ID-like)", "column 'x' dropped: constant",
                "column 'Name' dropped: free text"), profile.notes());
        assertEquals("dropped: unique per row (ID-like)", profile.column("PassengerId").orElseThrow().note());
        assertEquals(3, profile.column("Name").orElseThrow().topCategories().size());
        ColumnProfile when = profile.column("when").orElseThrow();
        assertEquals("yyyy-MM", when.datetimePattern());
        assertEquals(1, when.missing());
        ColumnProfile target = profile.column("y").orElseThrow();
        assertEquals(List.of(new CategoryCount("a", 2), new CategoryCount("b", 1)), target.topCategories());
    }

    @Test
    void theTargetIsNeverNotedAsDroppedAndMostlyMissingColumnsAre() {
        Table t = table(List.of("k", "cabin"),
                new String[] {"same", ""}, new String[] {"same", "C85"}, new String[] {"same", ""});
        DatasetProfile profile = Profiler.profile(t,
                List.of(ColumnSpec.of("k", ColumnType.CONSTANT), ColumnSpec.of("cabin", ColumnType.CATEGORICAL)), "k");
        assertEquals(List.of("column 'cabin' is missing in 67% of rows"), profile.notes());
    }

    @Test
    void specsMustMatchTheHeader() {
        Table t = table(List.of("a", "b"), new String[] {"1", "2"});
        assertThrows(IllegalArgumentException.class,
                () -> Profiler.profile(t, List.of(ColumnSpec.of("a", ColumnType.NUMERIC))));
        assertThrows(IllegalArgumentException.class, () -> Profiler.profile(t,
                List.of(ColumnSpec.of("b", ColumnType.NUMERIC), ColumnSpec.of("a", ColumnType.NUMERIC))));
    }
}
