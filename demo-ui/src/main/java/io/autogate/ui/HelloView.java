package io.autogate.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

@Route("")
public class HelloView extends VerticalLayout {
    public HelloView() {
        add(new H1("Autogate spike"));
        add(new com.vaadin.flow.component.button.Button("Click", e -> add(new H1("clicked"))));
    }
}
