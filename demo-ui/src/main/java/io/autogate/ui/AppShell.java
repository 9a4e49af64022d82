package io.autogate.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The page shell: Vaadin's Aura theme from the prebuilt bundle, then the project's own style sheet,
 * served from {@code META-INF/resources/styles} (no theme folder, no frontend build); server push
 * (websocket through Jetty's Jakarta WebSocket server, long-polling where a proxy refuses it), so
 * training progress and the monitor reach the page without the browser asking.
 */
@Push
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/autogate.css")
public final class AppShell implements AppShellConfigurator {
}
