package io.autogate.ui;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The demo UI's web server: embedded Jetty 12.1 (EE 11) running Vaadin from the class path. Jetty
 * finds Vaadin's initialisers and the views by scanning the container class path
 * ({@code ContainerIncludeJarPattern}), so start it with {@code -cp app.jar:lib/*}, not
 * {@code java -jar} (a manifest Class-Path is not scanned).
 */
public final class DemoUiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private DemoUiServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts the UI on {@code host:port} (0 for any free port) talking to the gateway in {@code settings}. */
    public static DemoUiServer start(String host, int port, UiSettings settings) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext ctx = new WebAppContext();
        ctx.setContextPath("/");
        ctx.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("META-INF/resources"));
        ctx.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern",
                ".*/(flow|vaadin|demo-ui)[^/]*\\.jar$|.*/demo-ui/target/classes/?$");
        ctx.setConfigurationDiscovered(true);
        ctx.getContext().setExtendedListenerTypes(true);
        ctx.setParentLoaderPriority(true);
        ctx.setInitParameter("productionMode", "true");
        ctx.setInitParameter(UiSettings.GATEWAY, settings.gateway().toString());
        if (settings.adminKey() != null) {
            ctx.setInitParameter(UiSettings.ADMIN_KEY, settings.adminKey());
        }
        if (settings.samples() != null) {
            ctx.setInitParameter(UiSettings.SAMPLES, settings.samples().toAbsolutePath().toString());
        }
        ctx.setInitParameter(UiSettings.MAX_UPLOAD, Long.toString(settings.maxUploadBytes()));
        server.setHandler(ctx);
        server.start();
        return new DemoUiServer(server, connector);
    }

    /** The port the UI listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Runs the UI alone: {@code [port] [gateway-url] [samples-dir]}; the admin key comes from AUTOGATE_ADMIN_KEY. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8081");
        URI gateway = URI.create(args.length > 1 ? args[1] : "http://127.0.0.1:8080");
        Path samples = args.length > 2 ? Path.of(args[2]) : null;
        DemoUiServer ui = start("127.0.0.1", port,
                new UiSettings(gateway, System.getenv("AUTOGATE_ADMIN_KEY"), samples, 50L << 20));
        System.out.println("Autogate UI on http://127.0.0.1:" + ui.port() + "/ (gateway " + gateway + ")");
        ui.server.join();
    }
}
