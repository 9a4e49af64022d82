package io.autogate.engine.features;

import io.autogate.runtime.pipeline.BooleanTransform;
import io.autogate.runtime.pipeline.RawValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a {@link BooleanTransform}. Of the two most frequent training values, the true-like one
 * (true, yes, y, t, 1) is 1; failing that, the other of a false-like one; failing that, the
 * alphabetically later one. Missing values are imputed with the training mode.
 */
final class BooleanColumnFitter {
    private BooleanColumnFitter() {
    }

    static BooleanTransform fit(String column, String[] raw) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String r : raw) {
            String key = RawValues.category(r);
            if (key != null) {
                counts.merge(key.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        String a = byCount.isEmpty() ? null : byCount.get(0).getKey();
        String b = byCount.size() < 2 ? null : byCount.get(1).getKey();
        String trueValue;
        String falseValue;
        if (RawValues.isTrueWord(a) && !RawValues.isTrueWord(b)) {
            trueValue = a;
            falseValue = b;
        } else if (RawValues.isTrueWord(b)) {
            trueValue = b;
            falseValue = a;
        } else if (RawValues.isFalseWord(a)) {
            trueValue = b;
            falseValue = a;
        } else if (RawValues.isFalseWord(b) || b == null) {
            trueValue = a;
            falseValue = b;
        } else {
            trueValue = a.compareTo(b) > 0 ? a : b;
            falseValue = a.compareTo(b) > 0 ? b : a;
        }
        BooleanTransform probe = new BooleanTransform(column, trueValue, falseValue, 0, true);
        double[] out = new double[2];
        int ones = 0;
        int zeros = 0;
        boolean anyMissing = false;
        for (String r : raw) {
            probe.apply(r, out, 0);
            if (out[1] == 1) {
                anyMissing = true;
            } else if (out[0] == 1) {
                ones++;
            } else {
                zeros++;
            }
        }
        return new BooleanTransform(column, trueValue, falseValue, ones > zeros ? 1 : 0, anyMissing);
    }
}
