package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Step 5: register the new version under an alias and create or replace an endpoint with a single,
 * A/B, shadow or canary policy, each choice explained in one sentence. A forecasting model gets an
 * alias only ({@link ForecastDeployPanel}): it answers on its model's forecast route.
 */
final class DeployStep extends Step {
    private static final Map<String, String> POLICIES = new LinkedHashMap<>();

    static {
        POLICIES.put("single", "Single: every request goes to this model.");
        POLICIES.put("ab", "A/B test: requests are split between this model and another, so you can compare them on real traffic.");
        POLICIES.put("shadow", "Shadow: the other model keeps answering; this one gets a silent copy of each request to compare, never seen by callers.");
        POLICIES.put("canary", "Canary: this model takes a growing share of traffic (5%, 25%, 50%, 100%) and is rolled back by itself if it does worse.");
    }

    private final transient Consumer<String> deployed;
    private final transient BiConsumer<String, JsonNode> forecastDeployed;

    /**
     * The step; {@code deployed} receives the model name once its endpoint answers,
     * {@code forecastDeployed} a forecasting model's reference (with its alias) and its job result.
     */
    DeployStep(Flow flow, Consumer<String> deployed, BiConsumer<String, JsonNode> forecastDeployed) {
        super(flow, "5. Put it behind an endpoint");
        this.deployed = deployed;
        this.forecastDeployed = forecastDeployed;
        setVisible(false);
    }

    /** Offers to deploy a succeeded job's model ({@code result.model}, {@code result.version}). */
    void show(JsonNode result) {
        String model = result.get("model").asText();
        int version = result.get("version").asInt();
        reset();
        if (result.has("backtest")) { // a forecast: served by its model's forecast route, not an endpoint policy
            add(new ForecastDeployPanel(flow, result, ref -> forecastDeployed.accept(ref, result)));
            setVisible(true);
            return;
        }
        TextField alias = new TextField("Alias");
        alias.setValue("production");
        alias.setHelperText("A stable name for this version, e.g. production.");
        TextField name = new TextField("Endpoint");
        name.setId("endpoint-name");
        name.setValue(model);
        name.setHelperText("Applications call /v1/endpoints/<name>/predict.");
        Select<String> policy = new Select<>();
        policy.setLabel("How traffic is routed");
        policy.setId("policy");
        policy.setItems(POLICIES.keySet());
        policy.setValue("single");
        Span explain = new Span(POLICIES.get("single"));
        explain.setId("policy-explained");
        ComboBox<String> other = new ComboBox<>("Other model");
        other.setId("other-model");
        List<String> others = otherVersions(model + "@" + version);
        other.setItems(others);
        // the newest other version: usually the one this model is meant to be compared with or replace
        other.setValue(others.isEmpty() ? null : others.get(others.size() - 1));
        other.setVisible(false);
        policy.addValueChangeListener(e -> {
            explain.setText(POLICIES.get(e.getValue()));
            other.setVisible(!"single".equals(e.getValue()));
        });
        Span done = new Span();
        done.setId("deployed");
        Button deploy = new Button("Deploy", e -> deploy(model, version, alias.getValue(), name.getValue(), policy.getValue(),
                other.getValue(), done));
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(alias, name, policy, other, deploy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(row, explain, done);
        setVisible(true);
    }

    private List<String> otherVersions(String self) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode m : flow.client().models().path("models")) {
                for (JsonNode v : m.path("versions")) {
                    String ref = m.path("name").asText() + "@" + (v.isNumber() ? v.asInt() : v.path("version").asInt());
                    if (!ref.equals(self)) {
                        out.add(ref);
                    }
                }
            }
        } catch (GatewayException e) {
            // no list: the single policy still works
        }
        return out;
    }

    /** The endpoint policy of {@code type} with {@code self} as the new model and {@code other} as the incumbent. */
    static ObjectNode policy(String type, String self, String other) {
        ObjectNode policy = Flow.JSON.createObjectNode().put("type", type);
        switch (type) {
            case "ab" -> {
                ArrayNode arms = policy.putArray("arms");
                arms.addObject().put("name", "a").put("model", other).put("weight", 50);
                arms.addObject().put("name", "b").put("model", self).put("weight", 50);
            }
            case "shadow" -> policy.put("primary", other).put("shadow", self).put("sample", 1.0);
            case "canary" -> {
                policy.put("stable", other).put("candidate", self);
                policy.putArray("steps").add(5).add(25).add(50).add(100);
            }
            default -> policy.put("model", self);
        }
        return policy;
    }

    private void deploy(String model, int version, String alias, String name, String type, String other, Span done) {
        flow.clearError();
        String self = model + "@" + version;
        if (!"single".equals(type) && (other == null || other.isBlank())) {
            flow.showError("The " + type + " policy compares two models: choose the other model first.");
            return;
        }
        try {
            if (alias != null && !alias.isBlank()) {
                flow.client().putAlias(model, alias, version);
            }
            flow.client().putEndpoint(name, policy(type, self, other));
            flow.endpoint(name);
            done.setText("Deployed: " + flow.client().base().resolve("/v1/endpoints/" + name + "/predict") + " answers with "
                    + self + (alias == null || alias.isBlank() ? "" : " (alias " + model + ":" + alias + ")") + ".");
            deployed.accept(model);
        } catch (GatewayException e) {
            flow.showError("The endpoint could not be set up: " + e.getMessage() + ".");
        }
    }
}
