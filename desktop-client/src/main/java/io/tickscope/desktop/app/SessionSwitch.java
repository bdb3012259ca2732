package io.tickscope.desktop.app;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.connection.ServerChoice;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The session the views use, and the switch to another. Opening one takes seconds (an embedded server starts),
 * so it happens on a thread of its own; so does closing the session replaced, whose embedded server must be
 * gone before another opens the same data directory. Call it on the FX thread.
 */
final class SessionSwitch {

    private final Function<ServerChoice, Session> open;
    /** The first session, opening while the window builds; null once it is current. */
    private @Nullable CompletableFuture<Session> first;
    /** The session the views use; null until the first one opened. */
    private @Nullable Session current;
    /** Completes when the session replaced last has closed. */
    private CompletableFuture<Void> previousClosed = CompletableFuture.completedFuture(null);

    /** {@code open} opens a session with the server a choice names, blocking meanwhile. */
    SessionSwitch(Function<ServerChoice, Session> open) {
        this.open = requireNonNull(open, "open");
    }

    /** Starts opening the first session; the future completes on a background thread. Any thread. */
    CompletableFuture<Session> openFirst(ServerChoice choice) {
        CompletableFuture<Session> opening = inBackground(choice);
        first = opening;
        return opening;
    }

    /**
     * Opens a session with {@code choice} once the one replaced last has closed; the future completes on a
     * background thread. Make it current with {@link #replace}.
     */
    CompletableFuture<Session> open(ServerChoice choice) {
        return previousClosed.thenCompose(closed -> inBackground(choice));
    }

    /** The session the views use, or null before the first one opened. */
    @Nullable
    Session current() {
        return current;
    }

    /**
     * Makes {@code opened} the current session and closes the one it replaces in the background. Deactivate the
     * views over the old session first: they end their calls, and the old channel lets them finish.
     */
    void replace(Session opened) {
        Session old = current;
        current = requireNonNull(opened, "opened");
        first = null;
        if (old != null) {
            previousClosed =
                    CompletableFuture.runAsync(old::close, task -> new Thread(task, "tickscope-close-session").start());
        }
    }

    /** Closes the current session; on exit before the first one opened, that one as soon as it does. */
    void close() {
        if (current != null) {
            current.close();
        } else if (first != null) {
            first.thenAccept(Session::close);
        }
    }

    private CompletableFuture<Session> inBackground(ServerChoice choice) {
        return CompletableFuture.supplyAsync(
                () -> open.apply(choice), task -> new Thread(task, "tickscope-open-session").start());
    }
}
