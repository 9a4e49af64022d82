package io.autogate.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** One numbered step of the page: a titled box, hidden until the step before it is done. */
abstract class Step extends VerticalLayout {
    private final String title;
    protected final transient Flow flow;

    protected Step(Flow flow, String title) {
        this.flow = flow;
        this.title = title;
        addClassName("step");
        setPadding(true);
        add(new H2(title));
    }

    /** Empties the step down to its title, ready to be filled again. */
    protected void reset() {
        removeAll();
        add(new H2(title));
    }
}
