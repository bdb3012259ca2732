package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

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
 * @param latency time from a request message to the next response message (unary and bidirectional calls),
 *     see {@link CallMeter}
 * @param firstMessage time from the start of a server stream to its first message
 * @param deliveryLag time from a streamed message's {@code event_time} to its receipt, see {@link CallMeter}
 * @param deliveryLagHistogram counts of {@code deliveryLag} per bucket of {@link #LAG_BUCKET_MILLIS}, and above
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
        LatencyStats latency,
        LatencyStats firstMessage,
        LatencyStats deliveryLag,
        List<Long> deliveryLagHistogram)
        implements Traffic {

    /** The upper bounds of the delivery lag histogram's buckets, in milliseconds. */
    public static final List<Long> LAG_BUCKET_MILLIS =
            Arrays.stream(LatencyRecorder.BUCKET_MILLIS).boxed().toList();

    public MethodStats {
        requireNonNull(method, "method");
        requireNonNull(kind, "kind");
        requireNonNull(latency, "latency");
        requireNonNull(firstMessage, "firstMessage");
        requireNonNull(deliveryLag, "deliveryLag");
        deliveryLagHistogram = List.copyOf(deliveryLagHistogram);
    }

    /** Returns the messages that went either way. */
    public long messages() {
        return messagesOut + messagesIn;
    }
}
