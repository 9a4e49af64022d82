package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * One part of the result step, built from a succeeded job's view (its {@code result}, {@code task},
 * {@code leaderboard}): a card, a chart. Empty when the job has nothing for it to show. The page's
 * {@link Flow} gives it the gateway client and the error banner.
 */
@FunctionalInterface
interface ResultSection {
    /** The component for {@code job}, or empty. */
    Optional<Component> build(Flow flow, JsonNode job);
}
