package io.autogate.benchmarks;

import io.autogate.engine.BadInputException;
import java.util.List;

/**
 * Scores a {@code pred.csv} against the test CSV it was predicted from. The prediction file has one
 * row per test row, in the same order, a {@code prediction} column and, for classification,
 * {@code p_<class>} probability columns. Binary AUC uses {@code p_<positive class>}, where the
 * positive class is the second sorted label ({@link ClassLabels#positiveClass}); binary tasks also
 * report the accuracy of {@code prediction}; multiclass tasks use accuracy; regression uses RMSE.
 */
public final class PredictionScorer {

    /** Name of the predicted-value column. */
    public static final String PREDICTION_COLUMN = "prediction";

    private PredictionScorer() {
    }

    /**
     * Scores predictions.
     *
     * @param classLabels for binary tasks, the labels of the whole dataset's target (to pick the
     *                    positive class); ignored otherwise
     * @throws BadInputException if the prediction file does not match the test file or lacks a column
     */
    public static TestScore score(BenchmarkDataset dataset, CsvTable test, CsvTable predictions,
                                  List<String> classLabels) {
        if (predictions.rowCount() != test.rowCount()) {
            throw new BadInputException("prediction file has " + predictions.rowCount() + " rows but the test file has "
                    + test.rowCount());
        }
        List<String> actual = test.column(dataset.targetColumn());
        List<String> predicted = predictions.column(PREDICTION_COLUMN);
        return switch (dataset.task()) {
            case REGRESSION -> new TestScore(TestMetric.RMSE,
                    TestMetrics.rmse(numbers(actual, "test target"), numbers(predicted, "prediction")), null);
            case MULTICLASS -> new TestScore(TestMetric.ACCURACY, TestMetrics.accuracy(actual, predicted), null);
            case BINARY -> {
                String positiveClass = ClassLabels.positiveClass(classLabels);
                List<String> probabilities = predictions.column(probabilityColumn(predictions, positiveClass));
                boolean[] isPositive = new boolean[actual.size()];
                for (int i = 0; i < isPositive.length; i++) {
                    isPositive[i] = ClassLabels.same(actual.get(i), positiveClass);
                }
                double auc = TestMetrics.auc(isPositive, numbers(probabilities, "p_" + positiveClass));
                yield new TestScore(TestMetric.AUC, auc, TestMetrics.accuracy(actual, predicted));
            }
        };
    }

    /** The {@code p_<label>} column for a class, matching numerically equal labels too. */
    static String probabilityColumn(CsvTable predictions, String label) {
        String exact = "p_" + label;
        if (predictions.header().contains(exact)) {
            return exact;
        }
        return predictions.header().stream()
                .filter(name -> name.startsWith("p_") && ClassLabels.same(name.substring(2), label))
                .findFirst()
                .orElseThrow(() -> new BadInputException("prediction file has no column " + exact + " among "
                        + predictions.header()));
    }

    private static double[] numbers(List<String> values, String what) {
        double[] numbers = new double[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            try {
                numbers[i] = Double.parseDouble(values.get(i).trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(what + " row " + (i + 1) + " is not a number: '" + values.get(i) + "'");
            }
            if (!Double.isFinite(numbers[i])) {
                throw new BadInputException(what + " row " + (i + 1) + " is not finite: '" + values.get(i) + "'");
            }
        }
        return numbers;
    }
}
