package io.tickscope.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    private static final LoadPhases NO_WARMUP = new LoadPhases(Duration.ZERO, Duration.ofMillis(300));

    @Test
    void aStallShowsInTheLatencyOfEveryCallItDelayed() throws InterruptedException {
        // Every call answers at once, except that the first one holds the sender for 100 ms, as a GC pause or a
        // stuck connection would. A loop that timed calls from when they were sent would see ~0 for all the
        // others; timed from their intended start, the ~100 calls due during the stall waited up to 100 ms.
        AtomicBoolean stalled = new AtomicBoolean();
        AsyncCall call = completion -> {
            if (stalled.compareAndSet(false, true)) {
                stallFor(Duration.ofMillis(100));
            }
            completion.complete(null);
        };

        LoadResult result = OpenLoop.run(call, 1_000, NO_WARMUP);

        assertThat(result.latency().maxMicros()).isGreaterThan(90_000);
        assertThat(result.latency().p99Micros()).isGreaterThan(50_000);
        assertThat(result.latency().p50Micros()).isLessThan(result.latency().p99Micros());
        assertThat(result.callsPerSecond()).isBetween(900.0, 1_100.0);
    }

    @Test
    void aFailedCallFailsTheRun() {
        IllegalStateException refused = new IllegalStateException("refused");

        assertThatThrownBy(() -> OpenLoop.run(completion -> completion.complete(refused), 1_000, NO_WARMUP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("open loop: a call failed")
                .hasCause(refused);
    }

    private static void stallFor(Duration stall) {
        long end = System.nanoTime() + stall.toNanos();
        for (long left = stall.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
