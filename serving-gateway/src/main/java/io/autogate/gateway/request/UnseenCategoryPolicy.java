package io.autogate.gateway.request;

/** What to do with a category value the model never saw in training. */
public enum UnseenCategoryPolicy {
    /** Score the row (the pipeline's unseen handling applies) and report a warning. */
    WARN,
    /** Refuse the row: the value is a field problem. */
    REJECT
}
