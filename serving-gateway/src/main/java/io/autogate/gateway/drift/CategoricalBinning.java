package io.autogate.gateway.drift;

import io.autogate.gateway.request.KnownCategories;
import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.ColumnType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bins of a categorical (or boolean) feature: one per training top category, one for every other
 * value and one for missing values, expected in the shares training had. Profiled and live values
 * are both compared by one key: the stripped text, and for a boolean column {@code true} or
 * {@code false} for any true or false word in any case (as the pipeline reads them), so profiled
 * categories with the same key share one bin. When all training categories are known, values outside them are
 * flagged unseen.
 */
final class CategoricalBinning implements Binning {
    private final ColumnType columnType;
    private final Map<String, Integer> bins;
    private final double[] expected;
    private final Set<String> known;

    private CategoricalBinning(ColumnType columnType, Map<String, Integer> bins, double[] expected,
                               Set<String> known) {
        this.columnType = columnType;
        this.bins = bins;
        this.expected = expected;
        this.known = known;
    }

    /**
     * The binning of a profiled categorical column, empty when the profile counted no rows.
     *
     * @param known every training category, or {@code null} when not known
     */
    static Optional<CategoricalBinning> of(ColumnProfile profile, Set<String> known) {
        if (profile.count() <= 0) {
            return Optional.empty();
        }
        List<CategoryCount> top = profile.topCategories() == null ? List.of() : profile.topCategories();
        Map<String, Long> topCounts = new LinkedHashMap<>();
        for (CategoryCount c : top) {
            String key = key(profile.type(), c.value());
            if (key != null) {
                topCounts.merge(key, c.count(), Long::sum);
            }
        }
        Map<String, Integer> bins = new HashMap<>();
        double[] expected = new double[topCounts.size() + 2];
        double total = profile.count();
        long inTop = 0;
        for (Map.Entry<String, Long> e : topCounts.entrySet()) {
            expected[bins.size()] = e.getValue() / total;
            bins.put(e.getKey(), bins.size());
            inTop += e.getValue();
        }
        expected[bins.size()] = Math.max(0, profile.count() - profile.missing() - inTop) / total;
        expected[bins.size() + 1] = profile.missing() / total;
        return Optional.of(new CategoricalBinning(profile.type(), Map.copyOf(bins), expected,
                known == null ? null : known.stream().map(k -> key(profile.type(), k)).collect(Collectors.toUnmodifiableSet())));
    }

    /**
     * The key a value is binned under: its {@link KnownCategories#key}, and for a boolean column a
     * true or false word ({@link RawValues#isTrueWord}) as {@code true} or {@code false}, since the
     * pipeline reads them alike; {@code null} for a missing value.
     */
    private static String key(ColumnType type, String raw) {
        String key = KnownCategories.key(type, raw);
        if (type != ColumnType.BOOLEAN || key == null) {
            return key;
        }
        return RawValues.isTrueWord(key) ? "true" : RawValues.isFalseWord(key) ? "false" : key;
    }

    @Override
    public int bin(String raw) {
        String key = key(columnType, raw);
        return key == null ? expected.length - 1 : bins.getOrDefault(key, expected.length - 2);
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public boolean unseen(String raw) {
        if (known == null) {
            return false;
        }
        String key = key(columnType, raw);
        return key != null && !known.contains(key);
    }

    @Override
    public boolean tracksUnseen() {
        return known != null;
    }

    @Override
    public String reference() {
        return FeatureDrift.HISTOGRAM;
    }

    @Override
    public String type() {
        return "categorical";
    }
}
