package io.tickscope.desktop.wire;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.rpc.wire.MethodStats;

/**
 * One method's totals.
 *
 * @param stats everything the method did so far
 * @param method "PricingService/GetPrice"
 * @param messagesPerSecond both ways, since the previous refresh
 */
public record MethodRow(MethodStats stats, String method, double messagesPerSecond) {

    public MethodRow {
        requireNonNull(stats, "stats");
        requireNonNull(method, "method");
    }
}
