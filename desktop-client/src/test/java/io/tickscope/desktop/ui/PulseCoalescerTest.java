package io.tickscope.desktop.ui;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PulseCoalescerTest {

    /** Stands in for the pulse: holds tasks until the test runs the next pulse. */
    private static final class PulseQueue implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int size() {
            return tasks.size();
        }

        void runPulse() {
            int due = size();
            for (int i = 0; i < due; i++) {
                Runnable task;
                synchronized (this) {
                    task = tasks.remove();
                }
                task.run();
            }
        }
    }

    private final PulseQueue pulse = new PulseQueue();
    private final Map<String, Integer> applied = new LinkedHashMap<>();
    private final PulseCoalescer<String, Integer> coalescer =
            UiThread.of(Runnable::run, pulse).coalescer(applied::put);

    @Test
    void burstSchedulesOneDrainAndAppliesOnlyTheLatestValuePerKey() {
        for (int i = 0; i < 100_000; i++) {
            coalescer.offer("P" + (i % 10), i);
        }

        assertThat(pulse.size()).isEqualTo(1);
        assertThat(applied).isEmpty();
        pulse.runPulse();

        assertThat(applied).hasSize(10).containsEntry("P0", 99_990).containsEntry("P9", 99_999);
    }

    @Test
    void valueOfferedDuringADrainWaitsForTheNextPulse() {
        AtomicReference<PulseCoalescer<String, Integer>> reoffering = new AtomicReference<>();
        reoffering.set(UiThread.of(Runnable::run, pulse).coalescer((key, value) -> {
            applied.put(key, value);
            if (value == 1) {
                // A stream thread delivering while the UI thread drains.
                requireNonNull(reoffering.get(), "coalescer").offer(key, 2);
            }
        }));
        requireNonNull(reoffering.get(), "coalescer").offer("P1", 1);

        pulse.runPulse();
        assertThat(applied).containsExactly(Map.entry("P1", 1));
        assertThat(pulse.size()).isEqualTo(1);

        pulse.runPulse();
        assertThat(applied).containsExactly(Map.entry("P1", 2));
        assertThat(pulse.size()).isZero();
    }

    @Test
    void drainAppliesPendingValuesAtOnce() {
        coalescer.offer("P1", 7);

        coalescer.drain();

        assertThat(applied).containsExactly(Map.entry("P1", 7));
        pulse.runPulse();
        assertThat(applied).containsExactly(Map.entry("P1", 7));
    }

    @Test
    void concurrentWritersEndWithTheirLastValueApplied() throws InterruptedException {
        int writers = 4;
        int valuesPerWriter = 200_000;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            String key = "P" + w;
            threads.execute(() -> {
                for (int value = 1; value <= valuesPerWriter; value++) {
                    coalescer.offer(key, value);
                    if (value % 1_000 == 0) {
                        // The UI thread drains now and then while the writers run.
                        synchronized (applied) {
                            pulse.runPulse();
                        }
                    }
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        synchronized (applied) {
            pulse.runPulse();
        }

        assertThat(applied)
                .containsOnly(
                        Map.entry("P0", valuesPerWriter),
                        Map.entry("P1", valuesPerWriter),
                        Map.entry("P2", valuesPerWriter),
                        Map.entry("P3", valuesPerWriter));
    }
}
