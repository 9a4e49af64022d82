package io.autogate.runtime.pipeline;

import io.autogate.runtime.schema.Row;
import java.util.Locale;
import java.util.Set;

/**
 * How the pipeline reads raw text values, shared by the fit side and the apply side so both read a
 * value the same way: numbers (surrounding spaces allowed; anything unparseable or non-finite is
 * missing), category keys (stripped text; missing tokens as in {@link Row#isMissing}) and boolean
 * words.
 */
public final class RawValues {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t", "1", "1.0");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "f", "0", "0.0");

    /** Most digits {@link #plainInteger} reads: every such integer is exact in a double. */
    static final int PLAIN_INTEGER_MAX_DIGITS = 15;

    private RawValues() {
    }

    /** The value as a finite number, or {@code NaN} when it is missing, unparseable or infinite. */
    public static double number(String raw) {
        if (raw == null) {
            return Double.NaN;
        }
        double plain = plainInteger(raw);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char first = s.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return Double.NaN; // NA, ?, null, NaN, Infinity, words: no exception on the hot path
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The value of a plain decimal integer ({@code 39}, {@code -7}: an optional minus sign and 1 to
     * {@value #PLAIN_INTEGER_MAX_DIGITS} digits, nothing else), or {@code NaN} for any other text.
     * Such values are exact in a double, so this agrees with {@link Double#parseDouble} while
     * skipping its general parser: most numeric cells of a JSON or CSV row are written this way.
     */
    public static double plainInteger(String raw) {
        int n = raw.length();
        int i = n > 0 && raw.charAt(0) == '-' ? 1 : 0;
        if (n == i || n - i > PLAIN_INTEGER_MAX_DIGITS) {
            return Double.NaN;
        }
        long v = 0;
        for (int k = i; k < n; k++) {
            int d = raw.charAt(k) - '0';
            if (d < 0 || d > 9) {
                return Double.NaN;
            }
            v = v * 10 + d;
        }
        return i == 1 ? -(double) v : (double) v;
    }

    /** The category key of a value: the stripped text, or {@code null} when the value is missing. */
    public static String category(String raw) {
        return Row.isMissing(raw) ? null : raw.strip();
    }

    /** Whether a (stripped) value reads as true: true, yes, y, t, 1 in any case. */
    public static boolean isTrueWord(String value) {
        return value != null && TRUE_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a (stripped) value reads as false: false, no, n, f, 0 in any case. */
    public static boolean isFalseWord(String value) {
        return value != null && FALSE_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
