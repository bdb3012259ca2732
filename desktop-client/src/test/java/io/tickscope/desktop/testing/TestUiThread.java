package io.tickscope.desktop.testing;

import io.tickscope.desktop.ui.UiThread;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A UI thread without a toolkit: one plain thread runs every UI task and coalescer drain in order, as the
 * JavaFX thread would, and the test runs commands and reads view-model state on it, so that the state is only
 * ever touched by one thread. (A direct executor would apply stream updates on gRPC threads while the test
 * thread reads: a data race, not a test.)
 */
public final class TestUiThread implements AutoCloseable {

    /** Drops what arrives after {@link #close()}: streams cut by a test's teardown still report their end. */
    private final ExecutorService thread = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> new Thread(task, "test-ui"),
            new ThreadPoolExecutor.DiscardPolicy());

    /** Returns the seam to hand to view-models: tasks and coalescer drains both run on this thread. */
    public UiThread uiThread() {
        return UiThread.of(thread, thread);
    }

    /** Runs {@code command} on the UI thread and waits for it. */
    public void run(Runnable command) {
        read(() -> {
            command.run();
            return Boolean.TRUE;
        });
    }

    /** Returns what {@code query} reads on the UI thread, after every task submitted before; copy collections. */
    public <T> T read(Supplier<T> query) {
        try {
            return thread.submit(query::get).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the UI thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed on the UI thread", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("UI thread: busy for 10 s (expected: idle between tasks)", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
