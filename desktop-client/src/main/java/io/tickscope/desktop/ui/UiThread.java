package io.tickscope.desktop.ui;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * The one seam to the UI thread that view-models receive. {@link #execute} runs a task on the UI thread soon,
 * in submission order; {@link #coalescer} and {@link #refresher} pace stream updates to at most one batch per
 * pulse. In the application both run on the JavaFX thread; tests pass plain executors and need no toolkit.
 */
public final class UiThread implements Executor {

    private final Executor executor;
    private final Executor pulseExecutor;

    private UiThread(Executor executor, Executor pulseExecutor) {
        this.executor = executor;
        this.pulseExecutor = pulseExecutor;
    }

    /**
     * Returns the JavaFX thread: tasks go through {@link Platform#runLater}, stream updates are applied in
     * {@code pulse}.
     */
    public static UiThread javaFx(FxPulse pulse) {
        return new UiThread(Platform::runLater, requireNonNull(pulse, "pulse"));
    }

    /**
     * Returns a UI thread made of {@code executor}, which must run tasks one at a time in order, and
     * {@code pulseExecutor}, which runs the coalescers' drains; both may be the same.
     */
    public static UiThread of(Executor executor, Executor pulseExecutor) {
        return new UiThread(requireNonNull(executor, "executor"), requireNonNull(pulseExecutor, "pulseExecutor"));
    }

    /** Runs {@code task} on the UI thread, after the tasks submitted before it. */
    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /**
     * Returns a coalescer whose updates reach {@code apply} on the UI thread, at most once per pulse and only
     * the latest per key.
     */
    public <K, V> PulseCoalescer<K, V> coalescer(BiConsumer<K, V> apply) {
        return new PulseCoalescer<>(pulseExecutor, apply);
    }

    /**
     * Returns a request, safe from any thread, that runs {@code refresh} on the UI thread in the next pulse: a
     * burst of a thousand requests between pulses costs the UI one run, which applies everything that changed
     * meanwhile. A request made while {@code refresh} runs asks for the next one.
     */
    public Runnable refresher(Runnable refresh) {
        requireNonNull(refresh, "refresh");
        PulseCoalescer<Runnable, Runnable> requests = coalescer((key, same) -> refresh.run());
        return () -> requests.offer(refresh, refresh);
    }
}
