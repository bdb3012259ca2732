package io.tickscope.desktop.recommendations;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces requests from stream threads into at most one pending task on the UI thread, which then applies
 * everything that changed meanwhile: a burst of a thousand messages costs the UI one task, not a thousand.
 */
final class UiRefresh {

    private final Executor uiExecutor;
    private final Runnable refresh;
    private final AtomicBoolean pending = new AtomicBoolean();

    UiRefresh(Executor uiExecutor, Runnable refresh) {
        this.uiExecutor = uiExecutor;
        this.refresh = refresh;
    }

    /** Asks for a refresh; safe from any thread. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            uiExecutor.execute(() -> {
                // Cleared first: what arrives while the refresh runs asks for the next one.
                pending.set(false);
                refresh.run();
            });
        }
    }
}
