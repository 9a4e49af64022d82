/**
 * The Autogate demo UI: a Vaadin (prebuilt production bundle) application on embedded Jetty that
 * takes a person from a CSV to a deployed, monitored model. It is a pure client of the gateway's
 * REST API ({@link io.autogate.ui.GatewayClient}); it imports nothing from the engine.
 */
package io.autogate.ui;
