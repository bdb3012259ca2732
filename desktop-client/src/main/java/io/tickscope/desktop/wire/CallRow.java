package io.tickscope.desktop.wire;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.rpc.wire.CallStats;
import io.tickscope.desktop.rpc.wire.LatencyStats;
import java.time.Duration;

/**
 * One call in flight.
 *
 * @param call what the call sent and received so far
 * @param method "PricingService/WatchPrices"
 * @param messagesPerSecond both ways, since the previous refresh
 * @param latency its method's latency percentiles
 * @param age how long the call has been open
 */
public record CallRow(CallStats call, String method, double messagesPerSecond, LatencyStats latency, Duration age) {

    public CallRow {
        requireNonNull(call, "call");
        requireNonNull(method, "method");
        requireNonNull(latency, "latency");
        requireNonNull(age, "age");
    }
}
