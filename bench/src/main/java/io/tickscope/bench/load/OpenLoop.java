package io.tickscope.bench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Calls at a constant rate whatever the responses do, and times each call from its intended start (see
 * {@link IntendedSchedule}) into an HdrHistogram: latency as a client with its own schedule would see it, free
 * of coordinated omission. The calling thread sends; a sender that wakes late sends every call it owes at once,
 * each still timed from its own intended start.
 */
public final class OpenLoop {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** The calls in flight beyond which the system clearly cannot keep up and the run stops. */
    private static final long MIN_OUTSTANDING_LIMIT = 10_000;

    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong completedInWindow = new AtomicLong();
    private final AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();
    private final CountDownLatch drained = new CountDownLatch(1);
    private final long measureStart;
    private final long measureEnd;

    private OpenLoop(long measureStart, long measureEnd) {
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
    }

    /** Starts {@code callsPerSecond} calls per second through the warm-up and the measurement window. */
    public static LoadResult run(AsyncCall call, double callsPerSecond, LoadPhases phases) throws InterruptedException {
        long start = System.nanoTime();
        IntendedSchedule schedule = new IntendedSchedule(start, callsPerSecond);
        long measureStart = start + phases.warmupNanos();
        OpenLoop loop = new OpenLoop(measureStart, measureStart + phases.measurementNanos());
        long outstandingLimit = Math.max(MIN_OUTSTANDING_LIMIT, (long) callsPerSecond);
        loop.outstanding.incrementAndGet(); // the sender's own share, released when it stops sending
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= loop.measureEnd || loop.firstFailure.get() != null) {
                break;
            }
            for (long due = schedule.dueBy(now); sent < due; sent++) {
                if (loop.outstanding.get() > outstandingLimit) {
                    loop.fail(new IllegalStateException("open loop: " + outstandingLimit + " calls in flight at "
                            + callsPerSecond + " calls/s (expected: the system to keep up with the rate)"));
                    break;
                }
                loop.start(call, schedule.intendedNanos(sent));
            }
            LockSupport.parkNanos(schedule.intendedNanos(sent) - System.nanoTime());
        }
        loop.release();
        if (!loop.drained.await(DRAIN_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("open loop: calls still in flight " + DRAIN_TIMEOUT
                    + " after the window closed (expected: every call to complete)");
        }
        Throwable failure = loop.firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("open loop: a call failed", failure);
        }
        double seconds = phases.measurementNanos() / 1e9;
        return new LoadResult(loop.latencies.summarizeAndReset(), loop.completedInWindow.get() / seconds);
    }

    private void start(AsyncCall call, long intendedNanos) {
        outstanding.incrementAndGet();
        call.start(failure -> {
            if (failure != null) {
                fail(failure);
            } else if (intendedNanos >= measureStart) {
                latencies.record(System.nanoTime() - intendedNanos);
                completedInWindow.incrementAndGet();
            }
            release();
        });
    }

    private void fail(Throwable failure) {
        firstFailure.compareAndSet(null, failure);
    }

    private void release() {
        if (outstanding.decrementAndGet() == 0) {
            drained.countDown();
        }
    }
}
