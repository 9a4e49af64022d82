package io.autogate.runtime.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable lookup from category key to a fixed-width vector of numbers (a frequency, or one
 * target encoding per output), with constant-time lookup for high-cardinality columns. Categories
 * keep their order, so the JSON form ({@code {"categories": [...], "values": [[...], ...]}}) is
 * deterministic. Thread-safe.
 */
public final class CategoryTable {
    private final List<String> categories;
    private final double[][] values;
    private final Map<String, Integer> index;
    private final int width;

    /**
     * A table; {@code values[i]} belongs to {@code categories.get(i)} and every row has the same
     * length. Both are copied.
     */
    @JsonCreator
    public CategoryTable(@JsonProperty("categories") List<String> categories,
                         @JsonProperty("values") double[][] values) {
        this.categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        Objects.requireNonNull(values, "values");
        if (values.length != this.categories.size()) {
            throw new IllegalArgumentException("category table has " + this.categories.size()
                    + " categories but " + values.length + " value rows");
        }
        this.width = values.length == 0 ? 0 : values[0].length;
        this.values = new double[values.length][];
        this.index = new HashMap<>(this.categories.size() * 2);
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != width) {
                throw new IllegalArgumentException("category table rows differ in width");
            }
            this.values[i] = values[i].clone();
            if (index.put(this.categories.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate category '" + this.categories.get(i) + "'");
            }
        }
    }

    /** The categories in table order. */
    @JsonProperty("categories")
    public List<String> categories() {
        return categories;
    }

    /** A copy of the value rows, one per category. */
    @JsonProperty("values")
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** Numbers per category (0 for an empty table). */
    public int width() {
        return width;
    }

    /** Number of categories. */
    public int size() {
        return categories.size();
    }

    /** The position of a category, or -1 when the table does not have it. */
    public int indexOf(String category) {
        Integer i = category == null ? null : index.get(category);
        return i == null ? -1 : i;
    }

    /** Value {@code output} of the category at {@code categoryIndex}. */
    public double value(int categoryIndex, int output) {
        return values[categoryIndex][output];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryTable t && categories.equals(t.categories) && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * categories.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "CategoryTable[" + categories.size() + " categories x " + width + "]";
    }
}
