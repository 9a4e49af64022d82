package io.autogate.engine.family.smile;

import io.autogate.engine.SharedDatasets;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Small real datasets for the Smile family tests, read with a plain comma split (the files used
 * here are all numeric features, no quotes, no missing values) and split 70/30 with a fixed seed.
 */
final class FamilyTestData {
    private FamilyTestData() {
    }

    /** A training set and a held-out part of the same dataset. */
    record TrainTest(TrainingSet train, double[][] testX, double[] testY) {
    }

    /** Banknote authentication: binary, 1372 rows, 4 features. */
    static TrainTest binary(boolean standardise) {
        return load("classification/banknote-authentication.csv", TaskType.BINARY, standardise);
    }

    /** Wine: 3 classes, 178 rows, 13 features. */
    static TrainTest multiclass(boolean standardise) {
        return load("classification/wine.csv", TaskType.MULTICLASS, standardise);
    }

    /** Concrete compressive strength: regression, 1030 rows, 8 features. */
    static TrainTest regression(boolean standardise) {
        return load("regression/concrete.csv", TaskType.REGRESSION, standardise);
    }

    /** The dataset for a task. */
    static TrainTest forTask(TaskType task, boolean standardise) {
        return switch (task) {
            case BINARY -> binary(standardise);
            case MULTICLASS -> multiclass(standardise);
            case REGRESSION -> regression(standardise);
        };
    }

    /** The first {@code rows} training rows of {@code data} (for cheap smoke fits). */
    static TrainingSet head(TrainingSet data, int rows) {
        int n = Math.min(rows, data.size());
        return new TrainingSet(Arrays.copyOf(data.x(), n), Arrays.copyOf(data.y(), n), data.featureNames(),
                data.task(), data.numClasses());
    }

    private static TrainTest load(String relative, TaskType task, boolean standardise) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SharedDatasets.path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",");
        int p = header.length - 1;
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        int n = rows.size();
        double[][] x = new double[n][p];
        String[] target = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = Double.parseDouble(rows.get(i)[j]);
            }
            target[i] = rows.get(i)[p].trim();
        }
        double[] y = new double[n];
        int numClasses = 0;
        if (task.isClassification()) {
            List<String> classes = new ArrayList<>(new TreeSet<>(Arrays.asList(target)));
            numClasses = classes.size();
            for (int i = 0; i < n; i++) {
                y[i] = classes.indexOf(target[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = Double.parseDouble(target[i]);
            }
        }
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(20_241_122L);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int trainSize = (int) Math.round(n * 0.7);
        double[][] trainX = new double[trainSize][];
        double[] trainY = new double[trainSize];
        double[][] testX = new double[n - trainSize][];
        double[] testY = new double[n - trainSize];
        for (int i = 0; i < n; i++) {
            if (i < trainSize) {
                trainX[i] = x[order[i]];
                trainY[i] = y[order[i]];
            } else {
                testX[i - trainSize] = x[order[i]];
                testY[i - trainSize] = y[order[i]];
            }
        }
        if (standardise) {
            standardise(trainX, testX, p);
        }
        List<String> names = Arrays.asList(header).subList(0, p);
        return new TrainTest(new TrainingSet(trainX, trainY, names, task, numClasses), testX, testY);
    }

    /** Standardises both parts in place with the training part's mean and standard deviation. */
    private static void standardise(double[][] train, double[][] test, int p) {
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : train) {
                mean += row[j];
            }
            mean /= train.length;
            double squares = 0;
            for (double[] row : train) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(squares / train.length);
            double scale = std > 0 ? std : 1;
            for (double[][] part : new double[][][] {train, test}) {
                for (double[] row : part) {
                    row[j] = (row[j] - mean) / scale;
                }
            }
        }
    }
}
