package io.autogate.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page's background poller: a virtual thread that, once a second, asks each registered
 * {@link LiveSource} (every n-th second for slower ones) for news from the gateway and applies the
 * answer with {@code ui.access(...)}, which server push (see {@link AppShell}) sends to the browser.
 * Started on attach, stopped on detach or when the UI is gone.
 */
final class LiveUpdates implements AutoCloseable {
    private static final long TICK_MILLIS = 1000;

    private record Entry(LiveSource source, int everyTicks) {
    }

    private final UI ui;
    private final List<Entry> sources = new ArrayList<>();
    private Thread thread;

    LiveUpdates(UI ui) {
        this.ui = ui;
    }

    /** Polls {@code source} every {@code everySeconds} seconds; register before {@link #start()}. */
    LiveUpdates every(int everySeconds, LiveSource source) {
        sources.add(new Entry(source, everySeconds));
        return this;
    }

    /** Starts polling. */
    LiveUpdates start() {
        thread = Thread.ofVirtual().name("autogate-ui-live-" + ui.getUIId()).start(this::loop);
        return this;
    }

    private void loop() {
        long tick = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(TICK_MILLIS);
                tick++;
                for (Entry e : sources) {
                    if (tick % e.everyTicks() == 0) {
                        Runnable update = e.source().poll();
                        if (update != null) {
                            ui.access(update::run);
                        }
                    }
                }
            }
        } catch (InterruptedException | UIDetachedException e) {
            // the page is gone or closing: stop quietly
        }
    }

    /** Stops polling. */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
