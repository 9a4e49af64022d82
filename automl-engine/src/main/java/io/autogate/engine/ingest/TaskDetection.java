package io.autogate.engine.ingest;

import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides the task from the target's raw values (missing values ignored, values stripped) and
 * lists its class labels.
 * <ul>
 * <li>non-numeric: BINARY with two distinct values, else MULTICLASS;</li>
 * <li>numeric with two distinct values: BINARY;</li>
 * <li>numeric integers, at most 10 distinct, smallest 0 or 1 (class codes such as 1/2/3):
 * MULTICLASS;</li>
 * <li>any other numeric target: REGRESSION (a 3..9 quality score, a price).</li>
 * </ul>
 * Class labels are sorted numerically when every value is a number (each label written as it
 * first appears, so {@code 2} and {@code 2.0} are one class), otherwise lexicographically. The
 * positive class of a binary task is {@code classes().get(1)}.
 */
public final class TaskDetection {
    /** Most distinct integer codes a numeric target may have to be read as classes. */
    public static final int MAX_CODED_CLASSES = 10;

    private TaskDetection() {
    }

    /** The task for these raw target values; they must hold at least one non-missing value. */
    public static TaskType detect(List<String> values) {
        List<String> present = present(values);
        if (present.isEmpty()) {
            throw new IllegalArgumentException("no target values");
        }
        if (!allNumeric(present)) {
            return distinctStrings(present) == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        }
        TreeMap<Double, String> byValue = byValue(present);
        if (byValue.size() == 2) {
            return TaskType.BINARY;
        }
        boolean integers = byValue.keySet().stream().allMatch(v -> v == Math.rint(v));
        double min = byValue.firstKey();
        if (integers && byValue.size() <= MAX_CODED_CLASSES && (min == 0 || min == 1)) {
            return TaskType.MULTICLASS;
        }
        return TaskType.REGRESSION;
    }

    /** The sorted distinct class labels of these raw target values. */
    public static List<String> classes(List<String> values) {
        List<String> present = present(values);
        if (allNumeric(present)) {
            return List.copyOf(byValue(present).values());
        }
        return present.stream().distinct().sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * The class index of each raw value under {@code classes} (from {@link #classes(List)} on the
     * same values): numeric labels match by value, others by stripped text. {@code -1} for a missing
     * or unknown value.
     */
    public static int[] classIndexes(List<String> values, List<String> classes) {
        boolean numeric = allNumeric(classes);
        Map<Object, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(key(classes.get(i), numeric), i);
        }
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            String raw = values.get(i);
            out[i] = MissingValues.isMissing(raw) ? -1 : index.getOrDefault(key(raw.strip(), numeric), -1);
        }
        return out;
    }

    private static Object key(String stripped, boolean numeric) {
        if (!numeric) {
            return stripped;
        }
        double v = NumericText.parse(stripped);
        return Double.isNaN(v) ? stripped : (Object) (v == 0 ? 0.0 : v);
    }

    static List<String> present(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String raw : values) {
            if (!MissingValues.isMissing(raw)) {
                out.add(raw.strip());
            }
        }
        return out;
    }

    private static boolean allNumeric(List<String> stripped) {
        return stripped.stream().allMatch(NumericText::isNumber);
    }

    private static long distinctStrings(List<String> stripped) {
        return stripped.stream().distinct().count();
    }

    private static TreeMap<Double, String> byValue(List<String> stripped) {
        TreeMap<Double, String> out = new TreeMap<>();
        for (String s : stripped) {
            double v = NumericText.parse(s);
            out.putIfAbsent(v == 0 ? 0.0 : v, s);
        }
        return out;
    }
}
