package io.autogate.gateway.drift;

import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Watches the inputs one model version receives for drift from its training data. Each numeric,
 * categorical or boolean feature keeps its last {@code windowSize} values as bin counts (see
 * {@link NumericBinning} and {@link CategoricalBinning}); {@link #report()} compares them with the
 * training profile by population stability index (PSI) and, for categorical features, a chi-square
 * test and the unseen-category rate.
 *
 * <p>Thread-safe: {@link #observe} and {@link #report} take one lock; observing a row costs one
 * bin lookup (a parse or hash lookup) and a few array writes per feature.
 */
public final class DriftMonitor {
    /** Smallest window that gets a PSI by default. */
    public static final int DEFAULT_MIN_ROWS = 100;

    private final List<FeatureWindow> windows = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> unmonitored = new ArrayList<>();
    private final int windowSize;
    private final int minRows;
    private final ReentrantLock lock = new ReentrantLock();
    private long observed;

    /**
     * A monitor for the given features.
     *
     * @param profile           the training profile with one column profile per feature
     * @param features          the feature columns to watch (not the target)
     * @param knownCategories   every training category per categorical column; a column may be absent, the
     *                          map may be {@code null}
     * @param windowSize        how many recent values each feature keeps, at least 1
     * @param minRows           values a window needs before PSI is reported, 1 to {@code windowSize}
     */
    public DriftMonitor(DatasetProfile profile, Collection<String> features, Map<String, ? extends Collection<String>>
            knownCategories, int windowSize, int minRows) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be >= 1, got " + windowSize);
        }
        if (minRows < 1 || minRows > windowSize) {
            throw new IllegalArgumentException("minRows must be in 1.." + windowSize + ", got " + minRows);
        }
        this.windowSize = windowSize;
        this.minRows = minRows;
        Map<String, ? extends Collection<String>> known = knownCategories == null ? Map.of() : knownCategories;
        for (String feature : features) {
            Optional<ColumnProfile> column = profile.column(feature);
            if (column.isEmpty()) {
                unmonitored.add(feature + ": not in the training profile");
                continue;
            }
            Optional<? extends Binning> binning = switch (column.get().type()) {
                case NUMERIC -> NumericBinning.of(column.get());
                case CATEGORICAL, BOOLEAN -> CategoricalBinning.of(column.get(),
                        known.get(feature) == null ? null : Set.copyOf(known.get(feature)));
                default -> Optional.empty();
            };
            if (binning.isEmpty()) {
                unmonitored.add(feature + ": no usable training statistics for type "
                        + column.get().type().name().toLowerCase(Locale.ROOT));
            } else {
                windows.add(new FeatureWindow(feature, binning.get(), windowSize));
                names.add(feature);
            }
        }
    }

    /**
     * A monitor for a model's feature columns (schema order, target excluded) with the training profile from its
     * manifest and a minimum window of {@code min(100, windowSize)}. A manifest without a profile
     * gives a monitor that lists every feature as unmonitored.
     */
    public static DriftMonitor forManifest(ModelManifest manifest, Map<String, ? extends Collection<String>>
            knownCategories, int windowSize) {
        String target = manifest.schema().target();
        List<String> features = manifest.schema().featureColumns().stream().map(ColumnSpec::name)
                .filter(name -> !name.equals(target)).toList();
        DatasetProfile profile = manifest.profile() == null
                ? new DatasetProfile(0, List.of(), List.of())
                : manifest.profile();
        return new DriftMonitor(profile, features, knownCategories, windowSize,
                Math.min(DEFAULT_MIN_ROWS, Math.max(1, windowSize)));
    }

    /** Adds one input row to every feature window; a column the row lacks counts as missing. */
    public void observe(Row row) {
        lock.lock();
        try {
            observed++;
            for (int i = 0; i < windows.size(); i++) {
                windows.get(i).add(row.get(names.get(i)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The drift of every monitored feature and the summary. */
    public DriftReport report() {
        List<FeatureDrift> features = new ArrayList<>();
        long rows;
        lock.lock();
        try {
            rows = observed;
            for (FeatureWindow w : windows) {
                features.add(w.drift(minRows));
            }
        } finally {
            lock.unlock();
        }
        Double maxPsi = null;
        List<String> drifting = new ArrayList<>();
        String status = FeatureDrift.INSUFFICIENT_DATA;
        for (FeatureDrift f : features) {
            if (f.psi() == null) {
                continue;
            }
            maxPsi = maxPsi == null ? f.psi() : Math.max(maxPsi, f.psi());
            if (f.drifting()) {
                drifting.add(f.feature());
            }
        }
        if (maxPsi != null) {
            status = FeatureDrift.status(maxPsi);
        }
        return new DriftReport(rows, windowSize, features, maxPsi, drifting, status, unmonitored);
    }
}
