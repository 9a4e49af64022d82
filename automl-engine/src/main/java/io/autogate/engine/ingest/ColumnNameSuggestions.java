package io.autogate.engine.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the column a user probably meant: the names closest to a mistyped one by edit
 * (Levenshtein) distance, ignoring case, within a third of the name's length (at least 2).
 */
public final class ColumnNameSuggestions {
    private ColumnNameSuggestions() {
    }

    /** Up to {@code max} names from {@code header}, closest first (ties in header order). */
    public static List<String> closest(String wanted, List<String> header, int max) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        record Scored(String name, int distance, int position) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int d = distance(w, header.get(i).toLowerCase(Locale.ROOT));
            if (d <= limit) {
                scored.add(new Scored(header.get(i), d, i));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::position))
                .limit(max)
                .map(Scored::name)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
