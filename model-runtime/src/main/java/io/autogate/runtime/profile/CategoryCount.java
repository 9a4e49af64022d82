package io.autogate.runtime.profile;

/** How often one category occurs in a column. */
public record CategoryCount(String value, long count) {
}
