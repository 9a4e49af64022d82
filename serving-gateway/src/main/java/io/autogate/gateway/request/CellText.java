package io.autogate.gateway.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import java.math.BigDecimal;

/**
 * Turns one JSON cell value into the raw text a {@link io.autogate.runtime.schema.Row} holds:
 * strings as they are, booleans as {@code true}/{@code false}, {@code null} as missing and numbers
 * as plain decimal text without losing the digits the JSON parser kept (integers of any size
 * exactly; decimals exactly when the parser reads them as {@link BigDecimal}, otherwise the
 * shortest text of the double, never in exponent form). Stateless and thread-safe.
 */
public final class CellText {
    private CellText() {
    }

    /**
     * The row text of a cell value.
     *
     * @param value the JSON value
     * @param where how to name the cell in an error, e.g. {@code rows[0].age}
     * @return the text, or {@code null} for JSON {@code null} (a missing value)
     * @throws ApiException 400 when the value is an object, an array or binary
     */
    public static String of(JsonNode value, String where) {
        return of(value, where, null);
    }

    /**
     * The row text of the cell {@code field} of a record; the cell's name ({@code where.field}) is
     * only built when the value is refused, so the common path allocates nothing for it.
     */
    public static String of(JsonNode value, String where, String field) {
        return switch (value.getNodeType()) {
            case NULL, MISSING -> null;
            case STRING -> value.textValue();
            case BOOLEAN -> value.booleanValue() ? "true" : "false";
            case NUMBER -> number(value);
            case OBJECT -> throw notScalar(name(where, field), "an object");
            case ARRAY -> throw notScalar(name(where, field), "an array");
            case BINARY, POJO -> throw notScalar(name(where, field), "binary data");
        };
    }

    private static String name(String where, String field) {
        return field == null ? where : where + "." + field;
    }

    /**
     * The plain decimal text of a JSON number, e.g. {@code 39 -> "39"}, {@code 2.5 -> "2.5"},
     * {@code 1e10 -> "10000000000"}; {@code NaN} and infinities (only produced by a lenient parser)
     * keep their Java names so validation can reject them.
     */
    public static String number(JsonNode value) {
        if (value.isInt() || value.isLong()) {
            return integer(value.longValue());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.isFloat() ? decimal(Float.toString(value.floatValue()), value.doubleValue())
                : decimal(value.doubleValue());
    }

    /** The row text of a whole number. */
    public static String integer(long value) {
        return Long.toString(value);
    }

    /**
     * The row text of a decimal read as a double: its shortest text, never in exponent form
     * ({@code 1e10 -> "10000000000"}); {@code NaN} and infinities keep their Java names.
     */
    public static String decimal(double value) {
        return decimal(Double.toString(value), value);
    }

    private static String decimal(String text, double value) {
        if (text.indexOf('E') < 0 || !Double.isFinite(value)) {
            return text;
        }
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static ApiException notScalar(String where, String what) {
        return ApiException.badRequest(where + " must be a string, number, boolean or null, got " + what);
    }
}
