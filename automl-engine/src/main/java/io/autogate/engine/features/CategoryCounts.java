package io.autogate.engine.features;

import io.autogate.runtime.pipeline.RawValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The category keys of one training column: a code per row (-1 for missing) into the distinct
 * categories in order of first appearance, and how often each occurs.
 */
final class CategoryCounts {
    /** Code per row; -1 for a missing value. */
    final int[] codes;
    /** Distinct categories, in order of first appearance. */
    final List<String> categories = new ArrayList<>();
    /** Rows per category code. */
    final int[] counts;
    /** Rows with a missing value. */
    final int missing;

    CategoryCounts(String[] raw) {
        codes = new int[raw.length];
        Map<String, Integer> index = new HashMap<>();
        int[] cnt = new int[16];
        int miss = 0;
        for (int i = 0; i < raw.length; i++) {
            String key = RawValues.category(raw[i]);
            if (key == null) {
                codes[i] = -1;
                miss++;
                continue;
            }
            Integer code = index.get(key);
            if (code == null) {
                code = categories.size();
                index.put(key, code);
                categories.add(key);
                if (code == cnt.length) {
                    cnt = Arrays.copyOf(cnt, cnt.length * 2);
                }
            }
            codes[i] = code;
            cnt[code]++;
        }
        counts = Arrays.copyOf(cnt, categories.size());
        missing = miss;
    }

    /** Number of distinct non-missing categories. */
    int cardinality() {
        return categories.size();
    }

    /** Category codes by count, most frequent first, ties alphabetical. */
    int[] codesByFrequency() {
        return IntStream.range(0, categories.size()).boxed()
                .sorted((a, b) -> counts[a] != counts[b]
                        ? Integer.compare(counts[b], counts[a])
                        : categories.get(a).compareTo(categories.get(b)))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
