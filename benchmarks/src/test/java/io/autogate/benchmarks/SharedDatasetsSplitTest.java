package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads real shared datasets with the benchmark's CSV reader, when the shared folder is present. */
class SharedDatasetsSplitTest {

    @TempDir
    Path folder;

    /** {@code shared/datasets} next to an ancestor of the working directory, or {@code null}. */
    static Path sharedDatasets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/datasets"), dir.resolve("../shared/datasets")}) {
                if (Files.isDirectory(candidate.resolve("classification"))) {
                    return candidate.normalize();
                }
            }
        }
        return null;
    }

    @Test
    void titanicNamesWithCommasSurviveTheSplit() {
        Path datasets = sharedDatasets();
        assumeTrue(datasets != null, "shared datasets not found");
        BenchmarkDataset titanic = BenchmarkSuite.select(java.util.List.of("titanic")).get(0);
        PreparedSplit split = SplitWriter.prepare(titanic, datasets, folder, 42);
        assertEquals(891, split.sourceRows());
        assertEquals(223, split.testRows());
        CsvTable train = CsvTable.read(split.trainFile());
        assertEquals(668, train.rowCount());
        assertEquals(12, train.header().size());
        assertTrue(train.column("Name").stream().anyMatch(name -> name.contains(", ")), "names keep their commas");
        assertEquals(java.util.List.of("0", "1"), split.classLabels());
    }

    @Test
    void everyStandardDatasetHasItsTargetColumn() {
        Path datasets = sharedDatasets();
        assumeTrue(datasets != null, "shared datasets not found");
        for (BenchmarkDataset dataset : BenchmarkSuite.standard()) {
            CsvTable table = CsvTable.read(datasets.resolve(dataset.relativePath()));
            table.columnIndex(dataset.targetColumn());
            if (dataset.task() == BenchmarkTask.BINARY) {
                assertEquals(2, ClassLabels.sorted(table.column(dataset.targetColumn())).size(), dataset.name());
            } else if (dataset.task() == BenchmarkTask.MULTICLASS) {
                assertEquals(3, ClassLabels.sorted(table.column(dataset.targetColumn())).size(), dataset.name());
            }
        }
    }
}
