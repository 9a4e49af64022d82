package io.autogate.engine.ingest;

import io.autogate.runtime.schema.DateTimeValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds the date/time pattern a column's values are written in: ISO-8601 ({@code null}) or one of
 * {@link DateTimeValues#PATTERNS}. A pattern fits when at least 95% of the non-missing values parse
 * with it; of several, the one under which the most values parse wins, and on a tie the earlier
 * one (ISO first, then the order of {@code PATTERNS}, where day-first comes before month-first).
 * To stay fast on columns with many distinct values, candidates are first tried on the first
 * 200 distinct values.
 */
final class DateTimePatternFinder {
    /** The share of non-missing values that must parse. */
    static final double MIN_SHARE = 0.95;
    /** Distinct values tried first; a pattern must parse {@link #SAMPLE_SHARE} of them (by count) to go on. */
    private static final int SAMPLE = 200;
    private static final double SAMPLE_SHARE = 0.9;

    /** A fitting pattern; {@code pattern} is {@code null} for ISO-8601. */
    record Match(String pattern) {
    }

    private DateTimePatternFinder() {
    }

    /**
     * @param counts distinct stripped non-missing values with their counts, in first-seen order
     * @param nonMissing the number of non-missing values
     * @return the fitting pattern, or {@code null} when the column is not a date/time column
     */
    static Match find(Map<String, Integer> counts, int nonMissing) {
        if (nonMissing == 0) {
            return null;
        }
        long shaped = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (looksLikeDate(e.getKey())) {
                shaped += e.getValue();
            }
        }
        if (shaped < MIN_SHARE * nonMissing) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(null);
        candidates.addAll(DateTimeValues.PATTERNS);
        List<Map.Entry<String, Integer>> sample = counts.entrySet().stream().limit(SAMPLE).toList();
        long sampleTotal = sample.stream().mapToLong(Map.Entry::getValue).sum();
        boolean sampled = sample.size() < counts.size();
        Match best = null;
        long bestParsed = -1;
        for (String pattern : candidates) {
            if (sampled && parsedCount(sample, pattern) < SAMPLE_SHARE * sampleTotal) {
                continue;
            }
            long parsed = parsedCount(counts.entrySet(), pattern);
            if (parsed >= MIN_SHARE * nonMissing && parsed > bestParsed) {
                best = new Match(pattern);
                bestParsed = parsed;
            }
        }
        return best;
    }

    private static long parsedCount(Iterable<Map.Entry<String, Integer>> values, String pattern) {
        long parsed = 0;
        for (Map.Entry<String, Integer> e : values) {
            if (DateTimeValues.parse(e.getKey(), pattern).isPresent()) {
                parsed += e.getValue();
            }
        }
        return parsed;
    }

    /** A cheap shape test: starts with a digit, 7 to 35 characters, contains a separator. */
    private static boolean looksLikeDate(String s) {
        int n = s.length();
        if (n < 7 || n > 35 || !Character.isDigit(s.charAt(0))) {
            return false;
        }
        return Arrays.asList('-', '/', '.').stream().anyMatch(c -> s.indexOf(c) >= 0);
    }
}
