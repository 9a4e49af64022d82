package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: how good the winner is, as a list of {@link ResultSection}s shown in order: the
 * plain-words verdict, how it holds up on shifted data, then the charts ({@link ResultChartsPanel}:
 * feature importance and confusion matrix or predicted vs actual, or for a forecast the history
 * with the forecast and its intervals). Add a section to {@link #SECTIONS} to show more.
 */
final class ResultStep extends Step {
    static final List<ResultSection> SECTIONS = List.of(ResultStep::verdict, ResultStep::robustness, ResultStep::charts);

    ResultStep(Flow flow) {
        super(flow, "4. How good is it?");
        setVisible(false);
    }

    /** Shows a succeeded job's result. */
    void show(JsonNode job) {
        reset();
        for (ResultSection section : SECTIONS) {
            section.build(flow, job).ifPresent(this::add);
        }
        setVisible(true);
    }

    private static Optional<Component> verdict(Flow flow, JsonNode job) {
        JsonNode result = job.get("result");
        return Optional.of(card("verdict", "The model " + result.get("ref").asText() + " is ready. "
                + PlainWords.verdict(result, job.path("task").asText())));
    }

    private static Optional<Component> robustness(Flow flow, JsonNode job) {
        JsonNode summary = job.get("result").path("robustness_summary");
        return summary.isTextual()
                ? Optional.of(card("robustness", "How it holds up on data unlike its training rows: " + summary.asText() + "."))
                : Optional.empty();
    }

    private static Optional<Component> charts(Flow flow, JsonNode job) {
        return Optional.of(new ResultChartsPanel(flow.client(), job, flow::showError));
    }

    /** A highlighted sentence with an id. */
    static Div card(String id, String text) {
        Div card = new Div(new Span(text));
        card.setId(id);
        card.addClassName("card");
        return card;
    }
}
