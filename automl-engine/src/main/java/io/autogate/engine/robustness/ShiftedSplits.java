package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.features.PipelineFitter;
import io.autogate.engine.features.PipelineOptions;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Builds a run's shifted splits from the data, in the order they are checked: out of time (the
 * latest {@value #LATEST_SHARE_PERCENT}% by the time column), each of the
 * {@value #MAX_DOMAINS} largest domains held out, the tails of the {@value #QUANTILE_FEATURES}
 * numeric features most associated with the target, each of {@value #CLUSTERS} k-means clusters,
 * the {@value #ATYPICAL_PERCENT}% most atypical rows, and the perturbations of the first fold's
 * validation rows. A split whose test or training side would have fewer than
 * {@value #MIN_TEST_ROWS} / {@value #MIN_TRAIN_ROWS} rows is not made, nor, for a two-class target, one
 * whose test side holds a single class: AUC, the metric checked there, is undefined on it (a cluster
 * of adult-income's largest capital gains is all of one class). Deterministic from the seed.
 */
public final class ShiftedSplits {
    static final int LATEST_SHARE_PERCENT = 20;
    static final int MAX_DOMAINS = 5;
    static final int QUANTILE_FEATURES = 2;
    static final int CLUSTERS = 3;
    static final int ATYPICAL_PERCENT = 10;
    static final int MIN_TEST_ROWS = 10;
    static final int MIN_TRAIN_ROWS = 20;
    private static final int MIN_DISTINCT_FOR_QUANTILES = 10;

    private ShiftedSplits() {
    }

    /** The splits of the dataset; {@code adversary} scores atypical rows, {@code plan} gives the perturbed fold. */
    static List<ShiftedSplit> build(Dataset data, ShiftColumns columns, FoldPlan plan, AdversarialValidation adversary,
            long seed) {
        List<ShiftedSplit> out = new ArrayList<>();
        outOfTime(data, columns).ifPresent(out::add);
        if (columns.domainColumn() != null) {
            out.addAll(domains(data, columns.domainColumn()));
        }
        out.addAll(quantileTails(data, columns));
        out.addAll(clusters(data, seed));
        if (adversary != null) {
            atypical(data, adversary, seed).ifPresent(out::add);
        }
        FoldPlan.Fold first = plan.folds().get(0);
        for (Perturbation p : Perturbation.values()) {
            if (p.applies(data)) {
                out.add(new ShiftedSplit.Perturbed(p, seed + 31L * (p.ordinal() + 1), first.train(), first.valid()));
            }
        }
        if (data.schema().task() == TaskType.BINARY) {
            out.removeIf(split -> singleClass(data.y(), split.test()));
        }
        return out;
    }

    private static boolean singleClass(double[] y, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> y[i]).distinct().count() < 2;
    }

    static Optional<ShiftedSplit> outOfTime(Dataset data, ShiftColumns columns) {
        if (columns.time() == null) {
            return Optional.empty();
        }
        double[] t = columns.time();
        double[] known = Arrays.stream(t).filter(Double::isFinite).sorted().toArray();
        if (known.length == 0) {
            return Optional.empty();
        }
        double cutoff = known[Math.min(known.length - 1, known.length * (100 - LATEST_SHARE_PERCENT) / 100)];
        int[] train = IntStream.range(0, t.length).filter(i -> Double.isFinite(t[i]) && t[i] < cutoff).toArray();
        int[] test = IntStream.range(0, t.length).filter(i -> Double.isFinite(t[i]) && t[i] >= cutoff).toArray();
        if (!enough(train, test)) {
            return Optional.empty();
        }
        String shown = rawValueAt(data, columns.timeColumn(), t, cutoff);
        return Optional.of(new ShiftedSplit.OutOfTime(columns.timeColumn(), shown, train, test));
    }

    static List<ShiftedSplit> domains(Dataset data, String column) {
        Map<String, List<Integer>> byDomain = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String raw = data.rows().get(i).get(column);
            if (!Row.isMissing(raw)) {
                byDomain.computeIfAbsent(raw.strip(), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> largest = byDomain.keySet().stream()
                .sorted(Comparator.comparingInt((String d) -> -byDomain.get(d).size()).thenComparing(d -> d))
                .limit(MAX_DOMAINS).toList();
        List<ShiftedSplit> out = new ArrayList<>();
        for (String domain : largest) {
            int[] test = byDomain.get(domain).stream().mapToInt(Integer::intValue).toArray();
            java.util.Set<Integer> held = new java.util.HashSet<>(byDomain.get(domain));
            int[] train = IntStream.range(0, data.size()).filter(i -> !held.contains(i)).toArray();
            if (enough(train, test)) {
                out.add(new ShiftedSplit.DomainHoldOut(column, domain, train, test));
            }
        }
        return out;
    }

    static List<ShiftedSplit> quantileTails(Dataset data, ShiftColumns columns) {
        Map<String, Double> association = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (ColumnSpec c : data.schema().featureColumns()) {
            if (c.type() != ColumnType.NUMERIC || c.name().equals(columns.timeColumn())
                    || c.name().equals(columns.domainColumn())) {
                continue;
            }
            double[] v = ColumnValues.numbers(data, c.name());
            if (Arrays.stream(v).filter(Double::isFinite).distinct().count() < MIN_DISTINCT_FOR_QUANTILES) {
                continue;
            }
            values.put(c.name(), v);
            association.put(c.name(), TargetAssociation.of(v, data.y(), data.schema().task(), data.numClasses()));
        }
        List<ShiftedSplit> out = new ArrayList<>();
        association.keySet().stream()
                .sorted(Comparator.comparingDouble((String c) -> -association.get(c)).thenComparing(c -> c))
                .limit(QUANTILE_FEATURES).forEach(column -> {
                    double[] v = values.get(column);
                    double[] sorted = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
                    double low = sorted[(int) Math.floor(0.1 * (sorted.length - 1))];
                    double high = sorted[(int) Math.ceil(0.9 * (sorted.length - 1))];
                    int[] test = IntStream.range(0, v.length).filter(i -> v[i] <= low || v[i] >= high).toArray();
                    int[] train = IntStream.range(0, v.length).filter(i -> !(v[i] <= low || v[i] >= high)).toArray();
                    if (enough(train, test)) {
                        out.add(new ShiftedSplit.QuantileTails(column, low, high, train, test));
                    }
                });
        return out;
    }

    /**
     * k-means (Smile) over the numeric, date, boolean and low-cardinality categorical features,
     * standardized and one-hot encoded by the engine's own pipeline (no target encoding, so the
     * target does not shape the clusters).
     */
    static List<ShiftedSplit> clusters(Dataset data, long seed) {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        data.profile().columns().forEach(p -> profiles.put(p.name(), p));
        List<ColumnSpec> usable = data.schema().columns().stream().filter(c -> switch (c.type()) {
            case NUMERIC, DATETIME, BOOLEAN -> true;
            case CATEGORICAL -> {
                ColumnProfile p = profiles.get(c.name());
                long levels = p != null ? p.distinct() : ShiftColumns.distinct(data, c.name()).size();
                yield levels <= PipelineOptions.DEFAULT_MAX_ONE_HOT;
            }
            default -> false;
        }).toList();
        if (usable.isEmpty() || data.size() < CLUSTERS * (MIN_TEST_ROWS + 1)) {
            return List.of();
        }
        Schema schema = new Schema(usable, data.schema().target(), data.schema().task(), data.schema().classes());
        double[][] x = PipelineFitter.fit(schema, data.rows(), data.y(), PipelineOptions.forScaled(), seed).trainFeatures();
        KMeans kmeans;
        synchronized (MathEx.class) {
            MathEx.setSeed(seed);
            kmeans = KMeans.fit(x, CLUSTERS, 100, 1e-4);
        }
        List<ShiftedSplit> out = new ArrayList<>();
        for (int k = 0; k < kmeans.k; k++) {
            int cluster = k;
            int[] test = IntStream.range(0, x.length).filter(i -> kmeans.y[i] == cluster).toArray();
            int[] train = IntStream.range(0, x.length).filter(i -> kmeans.y[i] != cluster).toArray();
            if (enough(train, test)) {
                out.add(new ShiftedSplit.ClusterHoldOut(cluster, kmeans.k, train, test));
            }
        }
        return out;
    }

    static Optional<ShiftedSplit> atypical(Dataset data, AdversarialValidation adversary, long seed) {
        AdversarialValidation.Separation s = adversary.atypicality(data, seed);
        if (Double.isNaN(s.auc())) {
            return Optional.empty();
        }
        double[] p = s.probability();
        int count = Math.max(MIN_TEST_ROWS, data.size() * ATYPICAL_PERCENT / 100);
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        boolean[] held = new boolean[p.length];
        for (int k = 0; k < Math.min(count, order.length); k++) {
            held[order[k]] = true;
        }
        int[] test = IntStream.range(0, p.length).filter(i -> held[i]).toArray();
        int[] train = IntStream.range(0, p.length).filter(i -> !held[i]).toArray();
        return enough(train, test)
                ? Optional.of(new ShiftedSplit.AtypicalRows(ATYPICAL_PERCENT / 100.0, s.auc(), train, test))
                : Optional.empty();
    }

    private static boolean enough(int[] train, int[] test) {
        return train.length >= MIN_TRAIN_ROWS && test.length >= MIN_TEST_ROWS;
    }

    private static String rawValueAt(Dataset data, String column, double[] t, double value) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] == value) {
                return data.rows().get(i).get(column).strip();
            }
        }
        return String.valueOf(value);
    }
}
