package io.autogate.ui;

/**
 * Something on the page that follows state on the server. {@link #poll()} runs on a background
 * thread (never under the session lock): it reads from the gateway and returns the change to make
 * to the page, which {@link LiveUpdates} applies inside {@code UI.access} and pushes; null when there
 * is nothing to show.
 */
@FunctionalInterface
interface LiveSource {
    /** Reads the server's state; the page update to apply, or null. */
    Runnable poll();
}
