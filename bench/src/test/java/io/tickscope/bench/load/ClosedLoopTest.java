package io.tickscope.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    private static final LoadPhases SHORT = new LoadPhases(Duration.ofMillis(50), Duration.ofMillis(200));

    @Test
    void keepsExactlyTheConfiguredCallsInFlight() throws InterruptedException {
        // A one-thread "server" answers calls one at a time, in arrival order.
        BlockingQueue<CallCompletion> pending = new LinkedBlockingQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Thread server = new Thread(() -> {
            try {
                while (true) {
                    CallCompletion next = pending.take();
                    inFlight.decrementAndGet();
                    next.complete(null);
                }
            } catch (InterruptedException e) {
                // test over
            }
        });
        server.start();
        AsyncCall call = completion -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pending.add(completion);
        };

        LoadResult result;
        try {
            result = ClosedLoop.run(call, 4, SHORT);
        } finally {
            server.interrupt();
            server.join(TimeUnit.SECONDS.toMillis(5));
        }

        assertThat(mostInFlight).hasValue(4);
        assertThat(result.callsPerSecond()).isPositive();
        assertThat(result.latency().count()).isPositive();
    }

    @Test
    void cpuPerCallCountsTheWorkOfEachCall() throws InterruptedException {
        // Each call burns at least 50 us of CPU on the "server" thread: the process's CPU per call cannot be less,
        // however busy the machine (it is CPU time, not wall time).
        long burnNanos = TimeUnit.MICROSECONDS.toNanos(50);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BlockingQueue<CallCompletion> pending = new LinkedBlockingQueue<>();
        Thread server = new Thread(() -> {
            try {
                while (true) {
                    CallCompletion next = pending.take();
                    long until = threads.getCurrentThreadCpuTime() + burnNanos;
                    while (threads.getCurrentThreadCpuTime() < until) {
                        Thread.onSpinWait();
                    }
                    next.complete(null);
                }
            } catch (InterruptedException e) {
                // test over
            }
        });
        server.start();

        LoadResult result;
        try {
            result = ClosedLoop.run(pending::add, 2, SHORT);
        } finally {
            server.interrupt();
            server.join(TimeUnit.SECONDS.toMillis(5));
        }

        assertThat(result.cpuNanosPerCall()).isGreaterThanOrEqualTo(burnNanos);
    }

    @Test
    void aFailedCallFailsTheRun() {
        IllegalStateException refused = new IllegalStateException("refused");

        assertThatThrownBy(() -> ClosedLoop.run(completion -> completion.complete(refused), 2, SHORT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("closed loop: a call failed")
                .hasCause(refused);
    }

    @Test
    void rejectsConcurrencyBelowOne() {
        assertThatThrownBy(() -> ClosedLoop.run(completion -> completion.complete(null), 0, SHORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency: 0 (expected: >= 1)");
    }
}
