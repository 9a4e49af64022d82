package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.request.CellText;

/**
 * The tensor element types of the Open Inference Protocol (v2) and which JSON values each one
 * takes: {@code BYTES} strings, {@code BOOL} booleans, the integer types whole numbers (the
 * unsigned ones not negative), the floating-point types any number. JSON {@code null} is accepted
 * in every type as a missing value.
 */
public enum V2Datatype {
    /** true / false. */
    BOOL,
    /** Unsigned 8-bit integer. */
    UINT8,
    /** Unsigned 16-bit integer. */
    UINT16,
    /** Unsigned 32-bit integer. */
    UINT32,
    /** Unsigned 64-bit integer. */
    UINT64,
    /** Signed 8-bit integer. */
    INT8,
    /** Signed 16-bit integer. */
    INT16,
    /** Signed 32-bit integer. */
    INT32,
    /** Signed 64-bit integer. */
    INT64,
    /** Half-precision float. */
    FP16,
    /** Single-precision float. */
    FP32,
    /** Double-precision float. */
    FP64,
    /** Strings. */
    BYTES;

    /**
     * The datatype named by a request (case-sensitive, as the protocol says).
     *
     * @throws ApiException 400 naming the tensor when the name is not a v2 datatype
     */
    public static V2Datatype parse(String name, String tensor) {
        for (V2Datatype t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw ApiException.badRequest("input '" + tensor + "' has unknown datatype '" + name
                + "'; expected BOOL, UINT8..UINT64, INT8..INT64, FP16, FP32, FP64 or BYTES");
    }

    /**
     * The row text of one tensor element.
     *
     * @param value the JSON element
     * @param where how to name it in an error, e.g. {@code input 'age' data[3]}
     * @return the text, {@code null} for JSON {@code null}
     * @throws ApiException 400 when the value does not fit this datatype
     */
    public String cell(JsonNode value, String where) {
        if (value.isNull()) {
            return null;
        }
        boolean fits = switch (this) {
            case BYTES -> value.isTextual();
            case BOOL -> value.isBoolean();
            case FP16, FP32, FP64 -> value.isNumber();
            case INT8, INT16, INT32, INT64 -> value.isNumber() && value.canConvertToExactIntegral();
            case UINT8, UINT16, UINT32, UINT64 ->
                    value.isNumber() && value.canConvertToExactIntegral() && value.decimalValue().signum() >= 0;
        };
        if (!fits) {
            throw ApiException.badRequest(where + " must be " + expected() + " for datatype " + name() + ", got "
                    + value);
        }
        return value.isNumber() ? CellText.number(value) : CellText.of(value, where);
    }

    private String expected() {
        return switch (this) {
            case BYTES -> "a string";
            case BOOL -> "a boolean";
            case FP16, FP32, FP64 -> "a number";
            case INT8, INT16, INT32, INT64 -> "a whole number";
            case UINT8, UINT16, UINT32, UINT64 -> "a non-negative whole number";
        };
    }
}
