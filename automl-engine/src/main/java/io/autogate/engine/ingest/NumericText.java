package io.autogate.engine.ingest;

/**
 * Reads plain decimal numbers as people write them in CSV files: an optional sign, digits with an
 * optional decimal point and an optional exponent ({@code 3}, {@code -0.5}, {@code .28},
 * {@code 1e-3}). Java-only forms that {@link Double#parseDouble} also accepts (hex, {@code 1d},
 * {@code 2f}, {@code Infinity}) are not numbers here, and neither are non-finite results.
 */
public final class NumericText {
    private NumericText() {
    }

    /** The value of a stripped token, or {@code NaN} when it is not a plain finite number. */
    public static double parse(String s) {
        return isPlainNumber(s) ? finite(Double.parseDouble(s)) : Double.NaN;
    }

    /** Whether a stripped token is a plain finite number. */
    public static boolean isNumber(String s) {
        return !Double.isNaN(parse(s));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static boolean isPlainNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
