package io.autogate.engine.family.tribuo;

import io.autogate.engine.SharedDatasets;
import io.autogate.engine.family.TrainingSet;
import io.autogate.engine.validation.RowSampling;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A shared dataset read with a plain split-based CSV reader (last column is the target), missing
 * numbers imputed with the training median, split 75/25 at random from a fixed seed, and
 * optionally standardised with training statistics (what the pipeline does for families that need
 * scaling).
 */
record HeldOutData(TrainingSet train, double[][] testX, double[] testY) {

    static final String BINARY = "classification/breast-cancer-wisconsin.csv";
    static final String MULTICLASS = "classification/iris.csv";
    static final String REGRESSION = "regression/concrete.csv";

    static String datasetFor(TaskType task) {
        return switch (task) {
            case BINARY -> BINARY;
            case MULTICLASS -> MULTICLASS;
            case REGRESSION -> REGRESSION;
        };
    }

    static HeldOutData load(TaskType task, boolean standardise) {
        return load(datasetFor(task), task, standardise);
    }

    /** Another all-numeric shared dataset (last column the target) for a task. */
    static HeldOutData load(String dataset, TaskType task, boolean standardise) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SharedDatasets.path(dataset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> names = Arrays.asList(header).subList(0, header.length - 1);
        int p = names.size();
        List<double[]> rows = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
            }
            rows.add(row);
            targets.add(cells[p]);
        }
        // Class indices in order of first appearance.
        Map<String, Integer> classes = new LinkedHashMap<>();
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = task.isClassification()
                    ? classes.computeIfAbsent(targets.get(i), k -> classes.size())
                    : Double.parseDouble(targets.get(i));
        }
        int[] order = RowSampling.permutation(rows.size(), new SplittableRandom(20261122L));
        int nTrain = rows.size() * 3 / 4;
        double[][] trainX = new double[nTrain][];
        double[] trainY = new double[nTrain];
        double[][] testX = new double[rows.size() - nTrain][];
        double[] testY = new double[rows.size() - nTrain];
        for (int i = 0; i < order.length; i++) {
            if (i < nTrain) {
                trainX[i] = rows.get(order[i]).clone();
                trainY[i] = y[order[i]];
            } else {
                testX[i - nTrain] = rows.get(order[i]).clone();
                testY[i - nTrain] = y[order[i]];
            }
        }
        for (int j = 0; j < p; j++) {
            double[] column = new double[nTrain];
            int present = 0;
            double sum = 0;
            for (double[] r : trainX) {
                if (!Double.isNaN(r[j])) {
                    column[present++] = r[j];
                    sum += r[j];
                }
            }
            double[] sorted = Arrays.copyOf(column, present);
            Arrays.sort(sorted);
            double median = sorted[present / 2];
            double mean = sum / present;
            double squares = 0;
            for (int i = 0; i < present; i++) {
                squares += (column[i] - mean) * (column[i] - mean);
            }
            double sd = Math.sqrt(squares / present);
            for (double[][] part : new double[][][] {trainX, testX}) {
                for (double[] r : part) {
                    if (Double.isNaN(r[j])) {
                        r[j] = median;
                    }
                    if (standardise) {
                        r[j] = sd > 0 ? (r[j] - mean) / sd : 0.0;
                    }
                }
            }
        }
        int numClasses = task.isClassification() ? classes.size() : 0;
        return new HeldOutData(new TrainingSet(trainX, trainY, names, task, numClasses), testX, testY);
    }

    /** The first {@code n} training rows, as a smaller training set. */
    TrainingSet trainHead(int n) {
        int m = Math.min(n, train.size());
        return new TrainingSet(Arrays.copyOf(train.x(), m), Arrays.copyOf(train.y(), m), train.featureNames(),
                train.task(), train.numClasses());
    }

    double accuracy(double[][] probabilities) {
        int correct = 0;
        for (int i = 0; i < testY.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            correct += best == (int) testY[i] ? 1 : 0;
        }
        return (double) correct / testY.length;
    }

    /** Accuracy of always predicting the most frequent training class. */
    double majorityAccuracy() {
        int[] counts = new int[train.numClasses()];
        for (double v : train.y()) {
            counts[(int) v]++;
        }
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[majority]) {
                majority = c;
            }
        }
        int correct = 0;
        for (double v : testY) {
            correct += (int) v == majority ? 1 : 0;
        }
        return (double) correct / testY.length;
    }

    double rmse(double[][] predictions) {
        double squares = 0;
        for (int i = 0; i < testY.length; i++) {
            double d = predictions[i][0] - testY[i];
            squares += d * d;
        }
        return Math.sqrt(squares / testY.length);
    }

    /** RMSE of always predicting the training mean. */
    double meanRmse() {
        double mean = Arrays.stream(train.y()).average().orElseThrow();
        double squares = 0;
        for (double v : testY) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / testY.length);
    }
}
