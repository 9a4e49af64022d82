package io.autogate.gateway.feedback;

/**
 * Why one feedback item was not counted: its position in the submitted list, the request id and
 * row it named, a stable {@code code} ({@code unknown_request_id}, {@code row_out_of_range},
 * {@code wrong_endpoint}, {@code duplicate}, {@code bad_actual}) and a message for people.
 */
public record Rejection(int index, String requestId, int row, String code, String message) {
}
