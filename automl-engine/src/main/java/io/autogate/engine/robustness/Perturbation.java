package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.ingest.NumericText;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How test rows are perturbed: Gaussian noise of a tenth of each numeric feature's spread (its
 * standard deviation over all rows), a tenth of the feature cells made missing, or a fifth of the
 * categorical cells replaced by a value training never saw. Deterministic from the seed.
 */
public enum Perturbation {
    /** Noise scaled to each numeric feature's spread. */
    NOISE("noise", "Gaussian noise of 0.1 standard deviations added to every numeric feature"),
    /** Injected missing values. */
    MISSING("missing", "10% of the feature cells made missing"),
    /** Categories never seen in training. */
    UNSEEN_CATEGORIES("unseen_categories", "20% of the categorical cells replaced by a category training never saw");

    static final double NOISE_SPREAD = 0.1;
    static final double MISSING_SHARE = 0.1;
    static final double UNSEEN_SHARE = 0.2;
    /** The value written into a cell for {@link #UNSEEN_CATEGORIES}. */
    public static final String UNSEEN = "__unseen__";

    private final String id;
    private final String description;

    Perturbation(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Short name, the split's label. */
    public String id() {
        return id;
    }

    /** What is done to the rows, in words. */
    public String description() {
        return description;
    }

    /** Whether the data has columns this perturbation changes. */
    boolean applies(Dataset data) {
        return !columns(data).isEmpty();
    }

    /** A copy of the dataset with the rows at {@code rows} perturbed; the other rows are the same objects. */
    Dataset apply(Dataset data, int[] rows, long seed) {
        List<ColumnSpec> columns = columns(data);
        int[] all = new int[data.size()];
        java.util.Arrays.setAll(all, i -> i);
        Map<String, Double> spreads = new LinkedHashMap<>();
        if (this == NOISE) {
            columns.forEach(c -> spreads.put(c.name(), ColumnValues.spread(ColumnValues.numbers(data, c.name()), all)));
        }
        SplittableRandom rng = new SplittableRandom(seed ^ ordinal() * 0x9E3779B97F4A7C15L);
        List<Row> out = new ArrayList<>(data.rows());
        for (int i : rows) {
            Row row = out.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : row.columns()) {
                values.put(column, row.get(column));
            }
            for (ColumnSpec c : columns) {
                String raw = values.get(c.name());
                switch (this) {
                    case NOISE -> {
                        double v = Row.isMissing(raw) ? Double.NaN : NumericText.parse(raw.strip());
                        if (Double.isFinite(v)) {
                            double noisy = v + gaussian(rng) * NOISE_SPREAD * spreads.get(c.name());
                            values.put(c.name(), String.format(Locale.ROOT, "%.10g", noisy));
                        }
                    }
                    case MISSING -> {
                        if (rng.nextDouble() < MISSING_SHARE) {
                            values.put(c.name(), "");
                        }
                    }
                    case UNSEEN_CATEGORIES -> {
                        if (rng.nextDouble() < UNSEEN_SHARE) {
                            values.put(c.name(), UNSEEN);
                        }
                    }
                }
            }
            out.set(i, Row.of(values));
        }
        return new Dataset(data.schema(), out, data.y(), data.profile(), data.sha256());
    }

    private List<ColumnSpec> columns(Dataset data) {
        return data.schema().featureColumns().stream().filter(c -> switch (this) {
            case NOISE -> c.type() == ColumnType.NUMERIC;
            case MISSING -> true;
            case UNSEEN_CATEGORIES -> c.type() == ColumnType.CATEGORICAL;
        }).toList();
    }

    private static double gaussian(SplittableRandom rng) {
        double u = Math.max(1e-300, rng.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
