package io.autogate.benchmarks.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.data.Table;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.ingest.DatasetLoader;
import io.autogate.engine.ingest.NumericText;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.engine.robustness.RobustnessOutcome;
import io.autogate.engine.robustness.RobustnessReport;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.SelectionPolicy;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.FinalMember;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchOutcome;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.runtime.predict.EnsemblePredictor;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.WeightedMember;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Holds one domain of each dataset out entirely (never seen by the search), searches on the
 * rest with robustness checks on, and scores the iid, robust and balanced picks of that one
 * search on the held-out domain. Writes {@code benchmarks/results/robustness.md}.
 *
 * <p>Reproduce: {@code benchmarks/run-robustness.sh [--budget 45] [--datasets titanic,...]}
 * (run it under {@code flock -x /tmp/autogate-cpu.lock} on a shared machine).
 */
public final class RobustnessBenchmark {
    /** One dataset: file, target, the column whose value is held out, that value, and the domain column the search may use ({@code null}: none). */
    record Case(String name, String file, String target, String column, String heldOut, String searchDomain) {
    }

    static final List<Case> CASES = List.of(
            new Case("california-housing", "regression/california-housing.csv", "median_house_value", "ocean_proximity",
                    "INLAND", "ocean_proximity"),
            new Case("wine-quality", "regression/wine-quality.csv", "quality", "color", "red", null),
            new Case("auto-mpg", "regression/auto-mpg.csv", "mpg", "origin", "japan", "origin"),
            new Case("ames-housing", "regression/ames-housing.csv", "Sale_Price", "Neighborhood", "Old_Town", "Neighborhood"),
            new Case("titanic", "classification/titanic.csv", "Survived", "Embarked", "C", "Embarked"),
            new Case("adult-income", "classification/adult-income.csv", "income", "workclass", "Self-emp-not-inc",
                    "workclass"));

    /** One dataset's result: per policy the pick, its iid (CV) score and its score on the held-out domain. */
    record Result(Case c, int trainRows, int heldOutRows, String metric, boolean higherIsBetter,
            Map<SelectionPolicy, String> picks, Map<SelectionPolicy, Double> iid, Map<SelectionPolicy, Double> heldOut,
            int splitsChecked, int splitsSkipped, double wallSeconds, String summary) {
    }

    private RobustnessBenchmark() {
    }

    /** Entry point: {@code --datasets-dir DIR --results DIR --budget SECONDS [--datasets a,b] [--seed N] [--invoked-as TEXT]}. */
    public static void main(String[] args) throws IOException {
        Path datasets = Path.of("../shared/datasets");
        Path results = Path.of("benchmarks/results");
        int budget = 45;
        long seed = 42;
        List<String> only = List.of();
        String invoked = "benchmarks/run-robustness.sh";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--datasets-dir" -> datasets = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--budget" -> budget = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--datasets" -> only = List.of(args[++i].split(","));
                case "--invoked-as" -> invoked = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Result> out = new ArrayList<>();
        for (Case c : CASES) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            System.err.println("robustness benchmark: " + c.name() + " holding out " + c.column() + "=" + c.heldOut());
            Result r = run(c, datasets, budget, seed);
            System.err.println("  " + r);
            out.add(r);
        }
        Files.createDirectories(results);
        String suffix = only.isEmpty() ? "" : "-" + String.join("-", only);
        Files.writeString(results.resolve("robustness" + suffix + ".md"), RobustnessMarkdown.render(out, budget, seed, invoked));
    }

    static Result run(Case c, Path datasets, int budgetSeconds, long seed) {
        Table table = CsvReader.read(datasets.resolve(c.file()));
        int column = table.header().indexOf(c.column());
        List<String[]> train = new ArrayList<>();
        List<Integer> trainLines = new ArrayList<>();
        List<String[]> held = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String[] row = table.rows().get(i);
            if (row[column].strip().equals(c.heldOut())) {
                held.add(row);
            } else {
                train.add(row);
                trainLines.add(table.lineNumbers().get(i));
            }
        }
        Dataset data = DatasetLoader.fromTable(new Table(table.header(), train, trainLines), c.target(), null,
                "held-out:" + c.name());
        Clock clock = Clock.systemUTC();
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), clock);
        SearchSettings settings = new SearchSettings(Duration.ofSeconds(budgetSeconds), null, seed,
                Math.max(1, Runtime.getRuntime().availableProcessors()), List.of());
        SearchOutcome outcome = search.run(data, settings, RobustnessSettings.of(SelectionPolicy.BALANCED, null,
                c.searchDomain()), SearchListener.none());
        RobustnessOutcome robustness = outcome.robustness();
        Schema schema = data.schema();
        Map<String, Integer> index = Row.index(table.header());
        List<Row> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int target = table.header().indexOf(c.target());
        for (String[] r : held) {
            String label = r[target].strip();
            if (Row.isMissing(label)) {
                continue;
            }
            double y = schema.task().isClassification() ? schema.classes().indexOf(label) : NumericText.parse(label);
            if (y < 0 || Double.isNaN(y)) {
                continue;
            }
            rows.add(Row.of(index, r));
            ys.add(y);
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        PrimaryMetric metric = outcome.metric();
        Map<SelectionPolicy, String> picks = new java.util.EnumMap<>(SelectionPolicy.class);
        Map<SelectionPolicy, Double> iid = new java.util.EnumMap<>(SelectionPolicy.class);
        Map<SelectionPolicy, Double> scores = new java.util.EnumMap<>(SelectionPolicy.class);
        for (SelectionPolicy p : SelectionPolicy.values()) {
            List<FinalMember> members = robustness.pickedMembers().get(p);
            EnsemblePredictor predictor = new EnsemblePredictor(schema, members.stream()
                    .map(m -> new WeightedMember(m.weight(), m.folds())).toList());
            List<Prediction> predictions = predictor.predict(rows);
            double[][] scored = new double[rows.size()][];
            for (int i = 0; i < scored.length; i++) {
                Prediction pr = predictions.get(i);
                scored[i] = schema.task().isClassification()
                        ? pr.probabilities().stream().mapToDouble(Double::doubleValue).toArray()
                        : new double[] {pr.value()};
            }
            RobustnessReport report = robustness.report(robustness.picks().get(p));
            picks.put(p, report.candidate());
            iid.put(p, report.iidScore());
            scores.put(p, metric.value(y, scored));
        }
        return new Result(c, data.size(), rows.size(), metric.id(), metric.higherIsBetter(), picks, iid, scores,
                robustness.splits().size() - robustness.skipped().size(), robustness.skipped().size(),
                outcome.wallSeconds(), robustness.summary());
    }

    static String format(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
