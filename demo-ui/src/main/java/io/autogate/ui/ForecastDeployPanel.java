package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * The deploy step's form for a forecasting model: forecasts are served by
 * {@code POST /v1/models/{name}:{alias}/forecast} rather than an endpoint's routing policy, so this
 * points an alias at the version and hands the model reference on (the try step then shows a
 * {@link ForecastPanel} asking for the series and the number of steps).
 */
final class ForecastDeployPanel extends VerticalLayout {
    /** The deploy form for a forecast job's {@code result}; {@code deployed} receives the reference forecasts are asked of. */
    ForecastDeployPanel(Flow flow, JsonNode result, Consumer<String> deployed) {
        setPadding(false);
        String model = result.path("model").asText();
        int version = result.path("version").asInt();
        TextField alias = new TextField("Alias");
        alias.setValue("production");
        alias.setHelperText("A stable name for this version, e.g. production.");
        Span done = new Span();
        done.setId("deployed");
        Button deploy = new Button("Deploy", e -> {
            flow.clearError();
            String a = alias.getValue() == null || alias.getValue().isBlank() ? null : alias.getValue().strip();
            try {
                if (a != null) {
                    flow.client().putAlias(model, a, version);
                }
                String ref = a == null ? model + "@" + version : model + ":" + a;
                done.setText("Deployed: " + flow.client().base().resolve("/v1/models/" + ref + "/forecast") + " answers with "
                        + model + "@" + version + ".");
                deployed.accept(ref);
            } catch (GatewayException ex) {
                flow.showError("The alias could not be set: " + ex.getMessage() + ".");
            }
        });
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(alias, deploy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("A forecasting model answers on its own route: applications send a series name and how many"
                + " steps ahead, and get the forecast with its 80% and 95% intervals."), row, done);
    }
}
