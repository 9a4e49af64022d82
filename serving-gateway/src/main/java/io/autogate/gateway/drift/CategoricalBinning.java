package io.autogate.gateway.drift;

import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bins of a categorical (or boolean) feature: one per training top category, one for every other
 * value and one for missing values, expected in the shares training had. Values are compared
 * after stripping surrounding blanks, as profiling does. When all training categories are known,
 * values outside them are flagged unseen.
 */
final class CategoricalBinning implements Binning {
    private final Map<String, Integer> bins;
    private final double[] expected;
    private final Set<String> known;

    private CategoricalBinning(Map<String, Integer> bins, double[] expected, Set<String> known) {
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
        Map<String, Integer> bins = new HashMap<>();
        double[] expected = new double[top.size() + 2];
        double total = profile.count();
        long inTop = 0;
        for (CategoryCount c : top) {
            int bin = bins.size();
            if (bins.putIfAbsent(c.value().strip(), bin) == null) {
                expected[bin] = c.count() / total;
                inTop += c.count();
            }
        }
        double[] trimmed = new double[bins.size() + 2];
        System.arraycopy(expected, 0, trimmed, 0, bins.size());
        trimmed[bins.size()] = Math.max(0, profile.count() - profile.missing() - inTop) / total;
        trimmed[bins.size() + 1] = profile.missing() / total;
        return Optional.of(new CategoricalBinning(Map.copyOf(bins), trimmed, known == null ? null : Set.copyOf(known)));
    }

    @Override
    public int bin(String raw) {
        if (Row.isMissing(raw)) {
            return expected.length - 1;
        }
        return bins.getOrDefault(raw.strip(), expected.length - 2);
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public boolean unseen(String raw) {
        return known != null && !Row.isMissing(raw) && !known.contains(raw.strip());
    }

    @Override
    public boolean tracksUnseen() {
        return known != null;
    }

    @Override
    public String type() {
        return "categorical";
    }
}
