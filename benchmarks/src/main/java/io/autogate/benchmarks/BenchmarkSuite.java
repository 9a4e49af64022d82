package io.autogate.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The datasets of the AutoML benchmark and their targets at a 60-second budget. */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    /** The standard eleven datasets, classification first. */
    public static List<BenchmarkDataset> standard() {
        return List.of(
                binary("pima-diabetes", "class", 0.80),
                binary("breast-cancer-wisconsin", "class", 0.99),
                binary("adult-income", "income", 0.92),
                multiclass("iris", "species", 0.93),
                multiclass("wine", "class", 0.95),
                binary("titanic", "Survived", Double.NaN),
                regression("california-housing", "median_house_value", 48000),
                regression("wine-quality", "quality", 0.63),
                regression("diamonds", "price", Double.NaN),
                regression("concrete", "compressive_strength", Double.NaN),
                regression("abalone", "rings", Double.NaN));
    }

    /**
     * The named datasets of the standard suite, in the order given.
     *
     * @throws IllegalArgumentException naming the first unknown dataset
     */
    public static List<BenchmarkDataset> select(List<String> names) {
        List<BenchmarkDataset> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(standard().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                            + standard().stream().map(BenchmarkDataset::name).toList())));
        }
        return List.copyOf(selected);
    }

    private static BenchmarkDataset binary(String name, String target, double minimumAuc) {
        return new BenchmarkDataset(name, "classification/" + name + ".csv", target, BenchmarkTask.BINARY,
                TestMetric.AUC, target(TestMetric.AUC, minimumAuc));
    }

    private static BenchmarkDataset multiclass(String name, String target, double minimumAccuracy) {
        return new BenchmarkDataset(name, "classification/" + name + ".csv", target, BenchmarkTask.MULTICLASS,
                TestMetric.ACCURACY, target(TestMetric.ACCURACY, minimumAccuracy));
    }

    private static BenchmarkDataset regression(String name, String target, double maximumRmse) {
        return new BenchmarkDataset(name, "regression/" + name + ".csv", target, BenchmarkTask.REGRESSION,
                TestMetric.RMSE, target(TestMetric.RMSE, maximumRmse));
    }

    private static QualityTarget target(TestMetric metric, double threshold) {
        return Double.isNaN(threshold) ? null : new QualityTarget(metric, threshold);
    }
}
