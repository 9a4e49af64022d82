package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;

/**
 * What the steps of one page share: the launcher's settings, the gateway client, the uploaded
 * dataset, the endpoint deployed to, and the error banner at the top of the page. One per view.
 */
final class Flow {
    static final ObjectMapper JSON = new ObjectMapper();

    private final UiSettings settings;
    private final GatewayClient client;
    private final Div error = new Div();
    private JsonNode dataset;
    private volatile String endpoint;

    Flow(UiSettings settings) {
        this.settings = settings;
        this.client = settings.client();
        error.setId("error");
        error.addClassName("error");
        error.setVisible(false);
    }

    UiSettings settings() {
        return settings;
    }

    GatewayClient client() {
        return client;
    }

    /** The error banner, placed once at the top of the page. */
    Div errorBanner() {
        return error;
    }

    /** The dataset description of the last upload, or null. */
    JsonNode dataset() {
        return dataset;
    }

    void dataset(JsonNode uploaded) {
        this.dataset = uploaded;
    }

    /** The endpoint deployed to from this page, or null. */
    String endpoint() {
        return endpoint;
    }

    void endpoint(String name) {
        this.endpoint = name;
    }

    /** Shows a sentence saying what went wrong and what to do next. */
    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    void clearError() {
        error.setText("");
        error.setVisible(false);
    }
}
