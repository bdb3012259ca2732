package io.tickscope.desktop.batch;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.LookupResult;
import java.time.Duration;

/**
 * One row of the comparison: what a way of looking up cost, and how it compares to the single batch call.
 *
 * @param way the way in words, for example "47 GetPrice calls at once"
 * @param calls gRPC calls made
 * @param failedCalls calls that failed
 * @param wallTime from the first call's start to the last call's end
 * @param bytes message bytes both ways
 * @param timesBatchWallTime the wall time as a multiple of the batch call's
 * @param timesBatchBytes the bytes as a multiple of the batch call's
 */
public record LookupTiming(
        String way,
        int calls,
        int failedCalls,
        Duration wallTime,
        long bytes,
        double timesBatchWallTime,
        double timesBatchBytes) {

    public LookupTiming {
        requireNonNull(way, "way");
        requireNonNull(wallTime, "wallTime");
    }

    static LookupTiming of(LookupResult result, LookupResult batch) {
        return new LookupTiming(
                result.way().describe(result.rows().size()),
                result.calls(),
                result.failedCalls(),
                result.wallTime(),
                result.bytes(),
                (double) result.wallTime().toNanos()
                        / Math.max(1, batch.wallTime().toNanos()),
                (double) result.bytes() / Math.max(1, batch.bytes()));
    }
}
