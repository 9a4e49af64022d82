package io.autogate.runtime.model.tribuo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns rows of a numeric feature matrix into Tribuo examples, the same way for training and for
 * scoring. Every feature is kept, zeros included: Tribuo passes explicit zeros to XGBoost as
 * values, while an absent feature would be treated as missing. Immutable and thread-safe.
 */
public final class TribuoExamples {
    private final List<String> featureNames;
    private final String[] sortedNames;
    private final int[] sortedPositions;

    /**
     * Examples over these feature names (the positions of a feature vector).
     *
     * @throws IllegalArgumentException if the list is empty or holds a name twice
     */
    public TribuoExamples(List<String> featureNames) {
        this.featureNames = List.copyOf(featureNames);
        if (this.featureNames.isEmpty()) {
            throw new IllegalArgumentException("a Tribuo model needs at least one feature");
        }
        Set<String> seen = new HashSet<>();
        for (String name : this.featureNames) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature name '" + name + "' appears twice");
            }
        }
        // Tribuo keeps the features of an example sorted by name; handing them over already sorted
        // makes that sort cheap.
        Integer[] order = new Integer[this.featureNames.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(this.featureNames::get));
        sortedPositions = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        sortedNames = Arrays.stream(order).map(this.featureNames::get).toArray(String[]::new);
    }

    /** The feature names, in feature-vector order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * Checks that every feature the model knows is one of these feature names.
     *
     * @throws IllegalArgumentException naming the first feature that is not
     */
    public void requireCovers(Model<?> model) {
        Set<String> known = new HashSet<>(featureNames);
        for (String name : model.getFeatureIDMap().keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("the model uses feature '" + name + "', which is not among the "
                        + featureNames.size() + " feature names given");
            }
        }
    }

    /**
     * One example per row, with {@code outputOfRow.apply(i)} as the output of row {@code i}
     * (the factory's unknown output when scoring).
     *
     * @throws IllegalArgumentException if a row has the wrong length or a value is NaN or infinite
     */
    public <T extends Output<T>> List<Example<T>> of(double[][] rows, IntFunction<T> outputOfRow) {
        List<Example<T>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            examples.add(of(rows[i], i, outputOfRow.apply(i)));
        }
        return examples;
    }

    private <T extends Output<T>> Example<T> of(double[] row, int rowIndex, T output) {
        requireValid(row, rowIndex);
        double[] values = new double[row.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = row[sortedPositions[j]];
        }
        return new ArrayExample<>(output, sortedNames, values);
    }

    /**
     * Checks a row the way {@link #of} does, for scoring paths that bypass Tribuo examples.
     *
     * @param row      a feature vector
     * @param rowIndex its index, for the message
     * @throws IllegalArgumentException if the row has the wrong length or a value is NaN or
     *                                  infinite (naming the first such feature in name order)
     */
    public void requireValid(double[] row, int rowIndex) {
        if (row.length != sortedNames.length) {
            throw new IllegalArgumentException("row " + rowIndex + " has " + row.length + " features, the model expects "
                    + sortedNames.length);
        }
        for (int j = 0; j < sortedPositions.length; j++) {
            double v = row[sortedPositions[j]];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("feature '" + sortedNames[j] + "' of row " + rowIndex + " is " + v
                        + "; impute missing values before this model");
            }
        }
    }
}
