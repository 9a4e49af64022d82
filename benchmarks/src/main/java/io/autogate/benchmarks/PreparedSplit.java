package io.autogate.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The train and test files written for one dataset, which both systems read.
 *
 * @param dataset     the dataset
 * @param trainFile   {@code train.csv}
 * @param testFile    {@code test.csv}
 * @param sourceRows  data rows in the source file
 * @param test        the test part, for scoring
 * @param classLabels sorted distinct target labels of the whole dataset (empty for regression)
 */
public record PreparedSplit(BenchmarkDataset dataset, Path trainFile, Path testFile, int sourceRows,
                            CsvTable test, List<String> classLabels) {

    public PreparedSplit {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainFile, "trainFile");
        Objects.requireNonNull(testFile, "testFile");
        Objects.requireNonNull(test, "test");
        classLabels = List.copyOf(classLabels);
    }

    /** Rows in the test part. */
    public int testRows() {
        return test.rowCount();
    }

    /** Rows in the training part. */
    public int trainRows() {
        return sourceRows - test.rowCount();
    }
}
