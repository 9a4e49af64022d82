package io.autogate.runtime.schema;

import java.util.Locale;

/** What a model predicts. */
public enum TaskType {
    /** Two classes. */
    BINARY,
    /** Three or more classes. */
    MULTICLASS,
    /** A number. */
    REGRESSION;

    /** True for {@link #BINARY} and {@link #MULTICLASS}. */
    public boolean isClassification() {
        return this != REGRESSION;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
