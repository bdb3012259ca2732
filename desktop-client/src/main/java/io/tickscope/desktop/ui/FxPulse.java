package io.tickscope.desktop.ui;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;

/**
 * Runs tasks on the JavaFX thread in the next animation pulse, in submission order. A task submitted while a
 * pulse runs its tasks waits for the following pulse, so a coalescer drains at most once per pulse.
 */
public final class FxPulse implements Executor {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** How many tasks are queued; read once per pulse so that tasks added meanwhile wait for the next one. */
    private final AtomicInteger queued = new AtomicInteger();

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runDueTasks();
        }
    };

    private FxPulse() {}

    /** Creates the pulse and starts it; call on the JavaFX thread. */
    public static FxPulse start() {
        FxPulse pulse = new FxPulse();
        pulse.timer.start();
        return pulse;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        queued.incrementAndGet();
    }

    /** Stops running tasks; call on the JavaFX thread. */
    public void stop() {
        timer.stop();
    }

    private void runDueTasks() {
        for (int due = queued.get(); due > 0; due--) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            queued.decrementAndGet();
            task.run();
        }
    }
}
