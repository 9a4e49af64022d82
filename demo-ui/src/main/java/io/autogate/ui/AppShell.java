package io.autogate.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The page shell: Vaadin's Aura theme from the prebuilt bundle, then the project's own style sheet,
 * served from {@code META-INF/resources/styles} (no theme folder, no frontend build).
 */
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/autogate.css")
public final class AppShell implements AppShellConfigurator {
}
