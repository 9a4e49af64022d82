package io.autogate.benchmarks;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How the benchmark orders and compares class labels. Labels sort numerically when every label is a
 * number ({@code 2 < 4 < 10}), otherwise lexicographically ({@code <=50K < >50K}); the positive class
 * of a binary task is the second label in that order. Two labels are the same if their text is equal
 * or both are numbers of equal value ({@code 1} and {@code 1.0}).
 */
public final class ClassLabels {

    private ClassLabels() {
    }

    /** The distinct labels in benchmark order. */
    public static List<String> sorted(Collection<String> labels) {
        List<String> distinct = labels.stream().distinct().toList();
        boolean allNumeric = distinct.stream().allMatch(ClassLabels::isNumber);
        Comparator<String> order = allNumeric
                ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        return distinct.stream().sorted(order).toList();
    }

    /**
     * The positive class of a binary task: the second of the two sorted distinct labels.
     *
     * @throws IllegalArgumentException if there are not exactly two distinct labels
     */
    public static String positiveClass(Collection<String> labels) {
        List<String> sorted = sorted(labels);
        if (sorted.size() != 2) {
            throw new IllegalArgumentException("a binary target needs exactly 2 classes, found " + sorted.size()
                    + ": " + sorted);
        }
        return sorted.get(1);
    }

    /** Whether two labels name the same class (equal text, or equal numbers). */
    public static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return isNumber(a) && isNumber(b) && Double.parseDouble(a) == Double.parseDouble(b);
    }

    /** Whether the text is a finite decimal number. */
    static boolean isNumber(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(trimmed));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
