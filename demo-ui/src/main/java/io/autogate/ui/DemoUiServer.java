package io.autogate.ui;

import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

public final class DemoUiServer {
    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args.length > 0 ? args[0] : "8081"));
        server.addConnector(connector);
        WebAppContext ctx = new WebAppContext();
        ctx.setContextPath("/");
        ctx.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("META-INF/resources"));
        ctx.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", ".*");
        ctx.setConfigurationDiscovered(true);
        ctx.getContext().setExtendedListenerTypes(true);
        ctx.setParentLoaderPriority(true);
        server.setHandler(ctx);
        server.start();
        System.out.println("UI on http://127.0.0.1:" + connector.getLocalPort() + "/");
        server.join();
    }
}
