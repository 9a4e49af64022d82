package io.autogate.runtime.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One fitted transform from a raw column value to one or more numeric features. Implementations
 * are immutable records, serialised with a {@code "kind"} property naming the variant. A transform
 * never throws on odd input: missing, unparseable or unseen values get the variant's documented
 * missing/unseen handling.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NumericTransform.class, name = "numeric"),
        @JsonSubTypes.Type(value = OneHotTransform.class, name = "one_hot"),
        @JsonSubTypes.Type(value = OrdinalTransform.class, name = "ordinal"),
        @JsonSubTypes.Type(value = FrequencyTransform.class, name = "frequency"),
        @JsonSubTypes.Type(value = TargetEncodingTransform.class, name = "target_encoding"),
        @JsonSubTypes.Type(value = BooleanTransform.class, name = "boolean"),
        @JsonSubTypes.Type(value = DateTimeTransform.class, name = "datetime")
})
public sealed interface ColumnTransform permits NumericTransform, OneHotTransform, OrdinalTransform,
        FrequencyTransform, TargetEncodingTransform, BooleanTransform, DateTimeTransform {

    /** The raw column this transform reads. */
    String column();

    /** The names of the features it writes, in output order. */
    List<String> outputNames();

    /** Number of features it writes; equal to {@code outputNames().size()}. */
    default int width() {
        return outputNames().size();
    }

    /**
     * Writes the features of one raw value into {@code out[offset .. offset + width() - 1]}, every
     * one of them. {@code raw} is {@code null} when the row lacks the column (treated as missing).
     */
    void apply(String raw, double[] out, int offset);
}
