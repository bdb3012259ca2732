package io.tickscope.bench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of calls in flight, each started the moment another completes: the most calls per second
 * the system serves at that concurrency. Latencies here are service times under saturation; for latency at a
 * chosen rate use {@link OpenLoop}.
 *
 * <p>The next call starts from the completion callback, on the client's event loop, so no thread of ours sits
 * between a response and the next request.
 */
public final class ClosedLoop {

    /** How long in-flight calls may take to finish after the window closes before the run counts as stuck. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final AsyncCall call;
    private final long measureStart;
    private final long measureEnd;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong completedInWindow = new AtomicLong();
    /** The process's CPU time when the first call completed inside the window, and when one first saw it closed. */
    private final AtomicLong cpuAtWindowStart = new AtomicLong(-1);

    private final AtomicLong cpuAtWindowEnd = new AtomicLong(-1);
    private final AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();
    private final CountDownLatch lanesDone;

    private ClosedLoop(AsyncCall call, int concurrency, LoadPhases phases) {
        this.call = call;
        measureStart = System.nanoTime() + phases.warmupNanos();
        measureEnd = measureStart + phases.measurementNanos();
        lanesDone = new CountDownLatch(concurrency);
    }

    /** Keeps {@code concurrency} calls in flight through the warm-up and the measurement window. */
    public static LoadResult run(AsyncCall call, int concurrency, LoadPhases phases) throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: >= 1)");
        }
        ClosedLoop loop = new ClosedLoop(call, concurrency, phases);
        for (int i = 0; i < concurrency; i++) {
            loop.new Lane().next();
        }
        long waitNanos = loop.measureEnd - System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        if (!loop.lanesDone.await(waitNanos, TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("closed loop: calls still in flight " + DRAIN_TIMEOUT
                    + " after the window closed (expected: every call to complete)");
        }
        Throwable failure = loop.firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("closed loop: a call failed", failure);
        }
        double seconds = phases.measurementNanos() / 1e9;
        long calls = loop.completedInWindow.get();
        double cpuNanosPerCall =
                calls == 0 ? Double.NaN : (double) (loop.cpuAtWindowEnd.get() - loop.cpuAtWindowStart.get()) / calls;
        return new LoadResult(loop.latencies.summarizeAndReset(), calls / seconds, cpuNanosPerCall);
    }

    /** One call slot: starts a call, and on its completion records it and starts the next. */
    private final class Lane implements CallCompletion {

        private long sentAt;

        void next() {
            long now = System.nanoTime();
            if (now >= measureEnd || firstFailure.get() != null) {
                if (cpuAtWindowEnd.get() < 0) {
                    cpuAtWindowEnd.compareAndSet(-1, ProcessCpu.nanos());
                }
                lanesDone.countDown();
                return;
            }
            sentAt = now;
            call.start(this);
        }

        @Override
        public void complete(@Nullable Throwable failure) {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
                lanesDone.countDown();
                return;
            }
            long now = System.nanoTime();
            if (now >= measureStart && now < measureEnd) {
                if (cpuAtWindowStart.get() < 0) {
                    cpuAtWindowStart.compareAndSet(-1, ProcessCpu.nanos());
                }
                latencies.record(now - sentAt);
                completedInWindow.incrementAndGet();
            }
            next();
        }
    }
}
