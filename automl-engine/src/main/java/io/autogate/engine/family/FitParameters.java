package io.autogate.engine.family;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters handed to one family's {@code fit} call, read defensively: numbers through
 * {@link Number}, choices as lower-cased strings, a {@code null} value as absent; a missing,
 * mistyped, out-of-range or unknown parameter is an {@link IllegalArgumentException} that names the
 * family and the parameter. Every family reads its parameters through it.
 */
public final class FitParameters {
    private final String family;
    private final Map<String, Object> values;

    private FitParameters(String family, Map<String, Object> values) {
        this.family = family;
        this.values = values;
    }

    /** Reads {@code values} and rejects names outside {@code known}. */
    public static FitParameters of(String family, Map<String, Object> values, Set<String> known) {
        if (values == null) {
            throw new IllegalArgumentException(family + ": params must not be null");
        }
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    family + ": unknown parameter(s) " + unknown + ", known: " + new TreeSet<>(known));
        }
        return new FitParameters(family, Collections.unmodifiableMap(new HashMap<>(values)));
    }

    /** Whether the parameter was given (with a value other than {@code null}). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A number in {@code [min, max]}. */
    public double doubleValue(String name, double min, double max) {
        double d = number(name);
        if (!(d >= min && d <= max)) {
            throw wrong(name, values.get(name), "a number in [" + min + ", " + max + "]");
        }
        return d;
    }

    /** A number in {@code [min, max]}, {@code fallback} when not given. */
    public double doubleValue(String name, double min, double max, double fallback) {
        return has(name) ? doubleValue(name, min, max) : fallback;
    }

    /** A number in {@code (min, max]}. */
    public double doubleAbove(String name, double min, double max) {
        double d = number(name);
        if (!(d > min && d <= max)) {
            throw wrong(name, values.get(name), "a number in (" + min + ", " + max + "]");
        }
        return d;
    }

    /** A whole number in {@code [min, max]}; a whole-valued floating-point number is accepted. */
    public int intValue(String name, int min, int max) {
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

    /** A whole number in {@code [min, max]}, {@code fallback} when not given. */
    public int intValue(String name, int min, int max, int fallback) {
        return has(name) ? intValue(name, min, max) : fallback;
    }

    /** A choice, lower-cased, that must be one of {@code allowed}. */
    public String choice(String name, Set<String> allowed) {
        Object v = require(name);
        String s = v.toString().toLowerCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            throw wrong(name, v, "one of " + new TreeSet<>(allowed));
        }
        return s;
    }

    /** A choice as {@link #choice(String, Set)} does, {@code fallback} when not given. */
    public String choice(String name, Set<String> allowed, String fallback) {
        return has(name) ? choice(name, allowed) : fallback;
    }

    private double number(String name) {
        Object v = require(name);
        if (!(v instanceof Number n)) {
            throw wrong(name, v, "a number");
        }
        return n.doubleValue();
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
