package io.autogate.gateway.request;

import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.pipeline.BooleanTransform;
import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.FrequencyTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.OrdinalTransform;
import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.pipeline.TargetEncodingTransform;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The categories a model saw in training, per categorical or boolean feature column, as category
 * keys ({@link #key}): the union of what every member's fold pipelines store (one-hot kept and
 * rare categories, ordinal categories, frequency and target-encoding tables, the two values of a
 * boolean transform) and of the training profile's top categories. A column is in the map only
 * when at least one pipeline encodes it by category; a column no pipeline can tell about (only a
 * numeric transform, or an imported ONNX model without pipeline) is absent, meaning "do not check".
 */
public final class KnownCategories {
    private KnownCategories() {
    }

    /**
     * The known category keys per column of a manifest; an unmodifiable map of unmodifiable sets.
     */
    public static Map<String, Set<String>> of(ModelManifest manifest) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        for (ColumnSpec column : manifest.schema().featureColumns()) {
            if (column.type() != ColumnType.CATEGORICAL && column.type() != ColumnType.BOOLEAN) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            boolean encoded = false;
            for (MemberSpec member : manifest.members()) {
                for (FoldSpec fold : member.folds()) {
                    for (ColumnTransform t : fold.pipeline().transforms()) {
                        if (t.column().equals(column.name())) {
                            Optional<List<String>> categories = categoriesOf(t);
                            encoded |= categories.isPresent();
                            categories.ifPresent(list -> list.forEach(c -> addKey(keys, column.type(), c)));
                        }
                    }
                }
            }
            if (!encoded) {
                continue;
            }
            if (manifest.profile() != null) {
                manifest.profile().column(column.name()).map(ColumnProfile::topCategories).ifPresent(
                        top -> top.stream().map(CategoryCount::value).forEach(v -> addKey(keys, column.type(), v)));
            }
            known.put(column.name(), Set.copyOf(keys));
        }
        return Map.copyOf(known);
    }

    /**
     * The key a raw value is compared under: for a categorical column the stripped text (as
     * {@link RawValues#category} reads it), for a boolean column the stripped text in lower case
     * (boolean transforms compare ignoring case); {@code null} for a missing value.
     */
    public static String key(ColumnType type, String raw) {
        String category = RawValues.category(raw);
        return category == null || type != ColumnType.BOOLEAN ? category : category.toLowerCase(Locale.ROOT);
    }

    private static void addKey(Set<String> keys, ColumnType type, String value) {
        String k = key(type, value);
        if (k != null) {
            keys.add(k);
        }
    }

    private static Optional<List<String>> categoriesOf(ColumnTransform transform) {
        return switch (transform) {
            case OneHotTransform t -> Optional.of(concat(t.categories(), t.rareCategories()));
            case OrdinalTransform t -> Optional.of(t.categories());
            case FrequencyTransform t -> Optional.of(t.frequencies().categories());
            case TargetEncodingTransform t -> Optional.of(t.encodings().categories());
            case BooleanTransform t -> Optional.of(Stream.of(t.trueValue(), t.falseValue())
                    .filter(Objects::nonNull).toList());
            default -> Optional.empty();
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
