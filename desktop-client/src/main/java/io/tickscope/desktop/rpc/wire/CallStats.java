package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One call in flight, as of a snapshot.
 *
 * @param callId the call's number, unique within one {@link WireMeter}
 * @param method the full method name, for example "tickscope.pricing.v1.PricingService/WatchPrices"
 * @param kind unary or which way it streams
 * @param startNanos when the call started, on the meter's clock
 * @param messagesOut messages sent
 * @param messagesIn messages received
 * @param bytesOut bytes sent, as {@link GrpcFraming#messageBytes} counts them
 * @param bytesIn bytes received, counted the same way
 * @param replica the server the call went to, {@code 10.0.0.5:8080}; empty until the transport said
 * @param firstMessageMicros from the call's start to its first response message; -1 before it
 * @param deliveryLag this call's delivery lags: a streamed message's {@code event_time} to its receipt
 * @param deliveryLagHistogram counts of {@code deliveryLag} per bucket of {@link MethodStats#LAG_BUCKET_MILLIS}
 */
public record CallStats(
        long callId,
        String method,
        CallKind kind,
        long startNanos,
        long messagesOut,
        long messagesIn,
        long bytesOut,
        long bytesIn,
        String replica,
        long firstMessageMicros,
        LatencyStats deliveryLag,
        List<Long> deliveryLagHistogram)
        implements Traffic {

    public CallStats {
        requireNonNull(method, "method");
        requireNonNull(replica, "replica");
        requireNonNull(kind, "kind");
        requireNonNull(deliveryLag, "deliveryLag");
        deliveryLagHistogram = List.copyOf(deliveryLagHistogram);
    }

    /** Returns the messages that went either way. */
    public long messages() {
        return messagesOut + messagesIn;
    }
}
