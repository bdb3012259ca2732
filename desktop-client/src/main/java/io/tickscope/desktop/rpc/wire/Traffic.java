package io.tickscope.desktop.rpc.wire;

import java.util.List;

/** What a call, or all of a method's calls, sent and received: a row of the Wire view reads it alike for both. */
public interface Traffic {

    /** Messages sent. */
    long messagesOut();

    /** Messages received. */
    long messagesIn();

    /** Bytes sent, as {@link GrpcFraming#messageBytes} counts them. */
    long bytesOut();

    /** Bytes received, counted the same way. */
    long bytesIn();

    /** Delivery lags: a streamed message's {@code event_time} to its receipt. */
    LatencyStats deliveryLag();

    /** Counts of {@link #deliveryLag()} per bucket of {@link MethodStats#LAG_BUCKET_MILLIS}, and above. */
    List<Long> deliveryLagHistogram();
}
