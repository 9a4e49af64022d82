package io.autogate.gateway.routing;

/**
 * Where a routing policy takes the key that keeps one caller on one arm: a request
 * {@link Source#HEADER header} (e.g. {@code X-User-Id}) or a {@link Source#FIELD field} of the
 * input row (e.g. {@code user_id}).
 */
public record StickyKey(Source source, String name) {
    /** Where the key is read from. */
    public enum Source {
        /** An HTTP request header. */
        HEADER,
        /** A field of the request's input row. */
        FIELD;

        /** The JSON property name of this source: {@code header} or {@code field}. */
        public String jsonName() {
            return this == HEADER ? "header" : "field";
        }
    }
}
