package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deploying a forecasting model: forecasts are served by {@code POST /v1/models/{name}:{alias}/forecast}
 * rather than an endpoint's routing policy, so this step points an alias at the version and then
 * opens the try step: a {@link ForecastPanel} asking for the series and the number of steps.
 */
final class ForecastDeployPanel extends VerticalLayout {
    /** The deploy form for a forecast job's {@code result}; the try step is filled into {@code tryStep}. */
    ForecastDeployPanel(GatewayClient client, JsonNode result, VerticalLayout tryStep, Consumer<String> onError) {
        setPadding(false);
        String model = result.path("model").asText();
        int version = result.path("version").asInt();
        TextField alias = new TextField("Alias");
        alias.setValue("production");
        alias.setHelperText("A stable name for this version, e.g. production.");
        Span done = new Span();
        done.setId("deployed");
        Button deploy = new Button("Deploy", e -> {
            String a = alias.getValue() == null || alias.getValue().isBlank() ? null : alias.getValue().strip();
            try {
                if (a != null) {
                    client.putAlias(model, a, version);
                }
                String ref = a == null ? model + "@" + version : model + ":" + a;
                done.setText("Deployed: " + client.base().resolve("/v1/models/" + ref + "/forecast") + " answers with "
                        + model + "@" + version + ".");
                showTry(client, ref, result, tryStep, onError);
            } catch (GatewayException ex) {
                onError.accept("The alias could not be set: " + ex.getMessage() + ".");
            }
        });
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(alias, deploy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("A forecasting model answers on its own route: applications send a series name and how many"
                + " steps ahead, and get the forecast with its 80% and 95% intervals."), row, done);
    }

    private static void showTry(GatewayClient client, String ref, JsonNode result, VerticalLayout tryStep,
                                Consumer<String> onError) {
        List<String> series = new ArrayList<>();
        result.path("series").forEach(s -> series.add(s.asText()));
        tryStep.removeAll();
        tryStep.add(new H2("6. Try it"), new Paragraph(series.size() > 1 ? "Pick a series and how many steps ahead:"
                : "Pick how many steps ahead:"), new ForecastPanel(client, ref, series, result.path("horizon").asInt(1), true,
                "try-forecast", onError));
        tryStep.setVisible(true);
    }
}
