package io.autogate.ui;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.nio.file.Path;

/**
 * What the launcher tells the views: the gateway's address and admin key, the folder of sample
 * datasets and the upload limit. Carried as servlet-context init parameters.
 */
public record UiSettings(URI gateway, String adminKey, Path samples, long maxUploadBytes) {
    static final String GATEWAY = "autogate.gateway";
    static final String ADMIN_KEY = "autogate.admin-key";
    static final String SAMPLES = "autogate.samples";
    static final String MAX_UPLOAD = "autogate.max-upload-bytes";

    /** The settings of the running UI. */
    static UiSettings current() {
        ServletContext ctx = VaadinServlet.getCurrent().getServletContext();
        String samples = ctx.getInitParameter(SAMPLES);
        return new UiSettings(URI.create(ctx.getInitParameter(GATEWAY)), ctx.getInitParameter(ADMIN_KEY),
                samples == null || samples.isBlank() ? null : Path.of(samples), Long.parseLong(ctx.getInitParameter(MAX_UPLOAD)));
    }

    /** A client of the configured gateway. */
    GatewayClient client() {
        return new GatewayClient(gateway, adminKey);
    }
}
