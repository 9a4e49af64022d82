package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway refused or could not answer: the HTTP status (0 when it was not reached) and a
 * message for people, built from the gateway's error message and its field-level details.
 */
public final class GatewayException extends RuntimeException {
    private final int status;

    /** An error with a status and a ready message. */
    public GatewayException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** From a gateway error body {@code {"error":{"message","details":[{field, problem}]}}}. */
    static GatewayException of(int status, JsonNode body) {
        String message = body.at("/error/message").asText("");
        if (message.isBlank()) {
            message = "the Autogate server answered HTTP " + status;
        }
        StringBuilder text = new StringBuilder(message);
        for (JsonNode d : body.at("/error/details")) {
            text.append("; ").append(d.path("field").asText("")).append(' ').append(d.path("problem").asText(""));
        }
        return new GatewayException(status, text.toString());
    }

    /** The HTTP status, 0 when the gateway was not reached. */
    public int status() {
        return status;
    }
}
