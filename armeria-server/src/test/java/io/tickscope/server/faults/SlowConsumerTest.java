package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watcher that reads one message a second while the market moves 10,000 prices a second: the server keeps
 * its memory bounded (the slow watcher's backlog is at most one update per product) and the healthy watcher
 * beside it keeps its pace and latency. The five-minute version is {@link SlowConsumerSoak}.
 */
class SlowConsumerTest {

    private static final Duration PHASE = Duration.ofSeconds(10);
    private static final int CATALOGUE_SIZE = 10_000;
    private static final long HEAP_HEADROOM_BYTES = 32L * 1024 * 1024;

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    @Test
    void slowWatcherNeitherGrowsTheServersMemoryNorSlowsAnotherWatcher() throws Exception {
        SlowConsumerScenario.Figures figures = new SlowConsumerScenario(
                        dataDirectory, logDirectory, Duration.ofSeconds(3), System.out)
                .run(PHASE, PHASE);

        System.out.println("SlowConsumerTest baseline: " + figures.baseline().describe());
        System.out.println(
                "SlowConsumerTest slow consumer beside: " + figures.slowPhase().describe() + "; slow" + " watcher read "
                        + figures.slowMessagesRead() + " messages");
        assertThat(figures.slowFailure())
                .as("the slow watcher's stream stays open")
                .isEmpty();
        assertThat(figures.slowMessagesRead()).isBetween(PHASE.toSeconds() - 3, PHASE.toSeconds() + 2);
        assertThat(figures.slowPhase().maxBacklog()).isLessThanOrEqualTo(CATALOGUE_SIZE);
        assertThat(figures.slowPhase().maxHeapBytes())
                .isLessThanOrEqualTo(figures.baseline().maxHeapBytes() + HEAP_HEADROOM_BYTES);
        assertThat(figures.slowPhase().ratePerSecond())
                .isGreaterThan(figures.baseline().ratePerSecond() * 0.8);
        // The median carries the verdict; the tail only has to stay far from what a stalled fan-out would show
        // (seconds), because on a shared 2-core machine other processes alone move the p99 by hundreds of ms.
        assertThat(figures.slowPhase().p50LagMicros())
                .isLessThanOrEqualTo(3 * figures.baseline().p50LagMicros() + 20_000);
        assertThat(figures.slowPhase().p99LagMicros())
                .isLessThanOrEqualTo(3 * figures.baseline().p99LagMicros() + 500_000);
    }
}
