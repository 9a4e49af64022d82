package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: how good the winner is, as a list of {@link ResultSection}s shown in order: the
 * plain-words verdict, then how it holds up on shifted data. Add a section to {@link #SECTIONS} to
 * show more (charts of the result, for instance).
 */
final class ResultStep extends Step {
    static final List<ResultSection> SECTIONS = List.of(ResultStep::verdict, ResultStep::robustness);

    ResultStep(Flow flow) {
        super(flow, "4. How good is it?");
        setVisible(false);
    }

    /** Shows a succeeded job's result. */
    void show(JsonNode job) {
        reset();
        for (ResultSection section : SECTIONS) {
            section.build(job).ifPresent(this::add);
        }
        setVisible(true);
    }

    private static Optional<Component> verdict(JsonNode job) {
        JsonNode result = job.get("result");
        return Optional.of(card("verdict", "The model " + result.get("ref").asText() + " is ready. "
                + PlainWords.verdict(result, job.path("task").asText())));
    }

    private static Optional<Component> robustness(JsonNode job) {
        JsonNode summary = job.get("result").path("robustness_summary");
        return summary.isTextual()
                ? Optional.of(card("robustness", "How it holds up on data unlike its training rows: " + summary.asText() + "."))
                : Optional.empty();
    }

    /** A highlighted sentence with an id. */
    static Div card(String id, String text) {
        Div card = new Div(new Span(text));
        card.setId(id);
        card.addClassName("card");
        return card;
    }
}
