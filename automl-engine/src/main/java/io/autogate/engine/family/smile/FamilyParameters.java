package io.autogate.engine.family.smile;

import java.util.Map;
import java.util.Set;

/**
 * The parameters handed to one family's {@code fit}, read defensively: numbers as any
 * {@link Number}, choices as their string form. Every problem throws an
 * {@link IllegalArgumentException} that names the family and the parameter.
 */
final class FamilyParameters {
    private final String family;
    private final Map<String, Object> values;

    /** Wraps {@code params}, rejecting names outside {@code known}. */
    FamilyParameters(String family, Map<String, Object> params, Set<String> known) {
        if (params == null) {
            throw new IllegalArgumentException(family + ": params must not be null");
        }
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(family + ": unknown parameter '" + name + "', known: " + known);
            }
        }
        this.family = family;
        this.values = params;
    }

    /** Whether the parameter was given. */
    boolean has(String name) {
        return values.get(name) != null;
    }

    /** An integer parameter in {@code [min, max]}; a whole-valued floating-point number is accepted. */
    int integer(String name, int min, int max) {
        Number n = number(name);
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < min || d > max) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' must be a whole number in ["
                    + min + ", " + max + "], got " + n);
        }
        return n.intValue();
    }

    /** A floating-point parameter in {@code [min, max]}. */
    double real(String name, double min, double max) {
        Number n = number(name);
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' must be in [" + min + ", "
                    + max + "], got " + n);
        }
        return d;
    }

    /** A floating-point parameter in {@code (min, max]}. */
    double realAbove(String name, double min, double max) {
        Number n = number(name);
        double d = n.doubleValue();
        if (!(d > min && d <= max)) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' must be in (" + min + ", "
                    + max + "], got " + n);
        }
        return d;
    }

    /** A choice parameter, one of {@code allowed}. */
    String choice(String name, Set<String> allowed) {
        Object v = required(name);
        String s = v.toString();
        if (!allowed.contains(s)) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' must be one of " + allowed
                    + ", got '" + s + "'");
        }
        return s;
    }

    private Number number(String name) {
        Object v = required(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(family + ": parameter '" + name + "' must be a number, got "
                    + v.getClass().getSimpleName() + " '" + v + "'");
        }
        return n;
    }

    private Object required(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(family + ": missing parameter '" + name + "'");
        }
        return v;
    }
}
