package io.tickscope.bench.cluster;

import java.time.Duration;

/** Sleeps that give an interruption back to the thread and stop the run, rather than swallow it. */
final class Pauses {

    private Pauses() {}

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
