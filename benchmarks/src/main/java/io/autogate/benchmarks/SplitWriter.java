package io.autogate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the fixed 75/25 split of a shared dataset to {@code <workDir>/<dataset>/train.csv} and
 * {@code test.csv}, unchanged apart from row order and RFC 4180 quoting.
 */
public final class SplitWriter {

    /** Fraction of rows used for training. */
    public static final double TRAIN_FRACTION = 0.75;

    private SplitWriter() {
    }

    /**
     * Reads {@code <datasetsRoot>/<dataset.relativePath>}, splits it with {@code seed} and writes both parts.
     */
    public static PreparedSplit prepare(BenchmarkDataset dataset, Path datasetsRoot, Path workDir, long seed) {
        CsvTable source = CsvTable.read(datasetsRoot.resolve(dataset.relativePath()));
        List<String> labels = dataset.task().isClassification()
                ? ClassLabels.sorted(source.column(dataset.targetColumn()))
                : List.of();
        source.columnIndex(dataset.targetColumn()); // a regression target must exist too
        TrainTestSplit split = TrainTestSplit.shuffled(source.rowCount(), TRAIN_FRACTION, seed);
        Path folder = workDir.resolve(dataset.name());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        CsvTable train = source.selectRows(split.trainRows());
        CsvTable test = source.selectRows(split.testRows());
        Path trainFile = folder.resolve("train.csv");
        Path testFile = folder.resolve("test.csv");
        train.write(trainFile);
        test.write(testFile);
        return new PreparedSplit(dataset, trainFile, testFile, source.rowCount(), test, labels);
    }
}
