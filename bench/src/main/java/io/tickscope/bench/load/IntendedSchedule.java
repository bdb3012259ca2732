package io.tickscope.bench.load;

/**
 * When each call of an open-loop run is meant to start: call {@code i} at {@code start + i / rate}, whatever
 * happened to the calls before it. Timing each call from this intended time rather than from when it was
 * actually sent is what avoids coordinated omission: a stall delays the sends, and the wait it causes shows
 * in the latency of every call it delayed.
 */
final class IntendedSchedule {

    private final long startNanos;
    private final double nanosPerCall;

    IntendedSchedule(long startNanos, double callsPerSecond) {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("callsPerSecond: " + callsPerSecond + " (expected: > 0)");
        }
        this.startNanos = startNanos;
        this.nanosPerCall = 1e9 / callsPerSecond;
    }

    /** Returns the intended start of call {@code index}, the first being 0. */
    long intendedNanos(long index) {
        return startNanos + (long) (index * nanosPerCall);
    }

    /** Returns how many calls are due to have started by {@code nowNanos}. */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) ((nowNanos - startNanos) / nanosPerCall) + 1;
        // The division rounds; the intended times decide, so that a call is due exactly when its time has come.
        while (intendedNanos(due) <= nowNanos) {
            due++;
        }
        while (due > 0 && intendedNanos(due - 1) > nowNanos) {
            due--;
        }
        return due;
    }
}
