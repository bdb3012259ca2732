package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What one way of looking up prices returned and what it cost.
 *
 * @param way how the lookup went over the wire
 * @param rows one result per requested product, in request order
 * @param calls the gRPC calls made
 * @param failedCalls calls that ended with a status other than OK
 * @param wallTime from the first call's start to the last call's end
 * @param bytes the request and response messages' bytes, as gRPC frames them
 */
public record LookupResult(
        LookupWay way, List<QuoteResult> rows, int calls, int failedCalls, Duration wallTime, long bytes) {

    public LookupResult {
        requireNonNull(way, "way");
        rows = List.copyOf(rows);
        requireNonNull(wallTime, "wallTime");
    }
}
