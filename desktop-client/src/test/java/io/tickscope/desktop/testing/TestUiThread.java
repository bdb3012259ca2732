package io.tickscope.desktop.testing;

import io.tickscope.desktop.ui.UiThread;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A UI thread without a toolkit: one plain thread runs every UI task in order, as the JavaFX thread would,
 * and the test reads view-model state on it. (A direct executor would apply stream updates on gRPC threads
 * while the test thread reads: a data race, not a test.)
 */
public final class TestUiThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-ui"));

    /** Returns the seam to hand to view-models: tasks and coalescer drains both run on this thread. */
    public UiThread uiThread() {
        return UiThread.of(thread, thread);
    }

    /** Returns what {@code read} returns when run on the UI thread, after every task submitted before. */
    public <T> T read(Supplier<T> read) {
        try {
            return thread.submit(read::get).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("UI task failed", e);
        }
    }

    /** Runs {@code action} on the UI thread and waits for it. */
    public void run(Runnable action) {
        read(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
