package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

/**
 * Everything one method did since measuring began, as of a snapshot.
 *
 * @param method the full method name, for example "tickscope.pricing.v1.PricingService/GetPrice"
 * @param kind unary or which way it streams
 * @param callsStarted calls started
 * @param callsActive calls started and not yet closed
 * @param callsFailed calls closed with a status other than OK
 * @param messagesOut messages sent
 * @param messagesIn messages received
 * @param bytesOut bytes sent, as {@link GrpcFraming#messageBytes} counts them
 * @param bytesIn bytes received, counted the same way
 * @param latency time from a request message to the next response message, see {@link CallMeter}
 */
public record MethodStats(
        String method,
        CallKind kind,
        long callsStarted,
        long callsActive,
        long callsFailed,
        long messagesOut,
        long messagesIn,
        long bytesOut,
        long bytesIn,
        LatencyStats latency) {

    public MethodStats {
        requireNonNull(method, "method");
        requireNonNull(kind, "kind");
        requireNonNull(latency, "latency");
    }

    /** Returns the messages that went either way. */
    public long messages() {
        return messagesOut + messagesIn;
    }
}
