package io.autogate.engine.family.tribuo;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters handed to one {@code fit} call, read defensively: numbers through
 * {@link Number}, choices as strings; a missing, mistyped, out-of-range or unknown parameter is an
 * {@link IllegalArgumentException} that names the family and the parameter.
 */
record FitParameters(String family, Map<String, Object> values) {
    FitParameters {
        values = Map.copyOf(values);
    }

    /** Reads {@code values} and rejects names outside {@code known}. */
    static FitParameters of(String family, Map<String, Object> values, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    family + ": unknown parameter(s) " + unknown + ", known: " + new TreeSet<>(known));
        }
        return new FitParameters(family, values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    double doubleValue(String name, double min, double max) {
        Object v = require(name);
        if (!(v instanceof Number n)) {
            throw wrong(name, v, "a number");
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw wrong(name, v, "a number in [" + min + ", " + max + "]");
        }
        return d;
    }

    double doubleValue(String name, double min, double max, double fallback) {
        return has(name) ? doubleValue(name, min, max) : fallback;
    }

    int intValue(String name, int min, int max) {
        Object v = require(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw wrong(name, v, "a whole number");
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw wrong(name, v, "a whole number in [" + min + ", " + max + "]");
        }
        return (int) d;
    }

    int intValue(String name, int min, int max, int fallback) {
        return has(name) ? intValue(name, min, max) : fallback;
    }

    /** A choice, lower-cased, that must be one of {@code allowed}. */
    String choice(String name, Set<String> allowed, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        Object v = values.get(name);
        String s = v == null ? "null" : v.toString().toLowerCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            throw wrong(name, v, "one of " + new TreeSet<>(allowed));
        }
        return s;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' is missing");
        }
        return v;
    }

    private IllegalArgumentException wrong(String name, Object value, String expected) {
        return new IllegalArgumentException(family + ": parameter '" + name + "' must be " + expected + ", got " + value);
    }
}
