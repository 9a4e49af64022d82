package io.autogate.runtime.schema;

/** The kind of values a column holds, as inferred by profiling or declared by the user. */
public enum ColumnType {
    /** Real or integer numbers. */
    NUMERIC,
    /** A small or large set of labels. */
    CATEGORICAL,
    /** Two values such as true/false, yes/no, 0/1. */
    BOOLEAN,
    /** Dates or timestamps in a recognised pattern. */
    DATETIME,
    /** Free text (many distinct, long values); not used as a feature for now. */
    TEXT,
    /** Unique per row, such as a key; dropped from the features. */
    ID,
    /** A single value in every row; dropped from the features. */
    CONSTANT;

    /** Whether columns of this type feed the model. */
    public boolean isFeature() {
        return this == NUMERIC || this == CATEGORICAL || this == BOOLEAN || this == DATETIME;
    }
}
