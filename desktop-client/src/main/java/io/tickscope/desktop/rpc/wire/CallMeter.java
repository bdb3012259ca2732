package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.Message;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Measures one call from start to close; {@link WireMeter#callStarted} hands it out. Sending and receiving
 * may happen on different threads at once.
 *
 * <p>Latency is the time from the latest request message to the first response message after it: the round
 * trip of a unary call and the time to the answer to the latest action in a bidirectional session. Responses
 * with no request waiting record none. A server stream has no such latency: its first message is measured as
 * time-to-first-message, and every later message by its delivery lag, the time from the {@code event_time} it
 * carries (when the server applied the change) to its receipt here, by the wall clock. On one machine, or
 * machines whose clocks agree, that is what a person watching the feed waits; between machines it includes
 * the clocks' difference.
 */
public final class CallMeter {

    private static final long NO_REQUEST_WAITING = Long.MIN_VALUE;

    private final WireMeter meter;
    private final MethodMeter method;
    private final long callId;
    private final String methodName;
    private final CallKind kind;
    private final long startNanos;
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong requestWaitingSinceNanos = new AtomicLong(NO_REQUEST_WAITING);
    private volatile String replica = "";
    private volatile long firstMessageMicros = -1;
    /** Only streams that deliver messages have lags to record; a unary call allocates no histogram. */
    private final @Nullable LatencyRecorder deliveryLag;

    CallMeter(WireMeter meter, MethodMeter method, long callId, String methodName, CallKind kind, long startNanos) {
        this.meter = meter;
        this.method = method;
        this.callId = callId;
        this.methodName = methodName;
        this.kind = kind;
        this.startNanos = startNanos;
        this.deliveryLag =
                kind == CallKind.SERVER_STREAMING || kind == CallKind.BIDI_STREAMING ? new LatencyRecorder() : null;
    }

    /** Records {@code request}, about to be sent. */
    public void requestSent(Message request) {
        int bytes = meter.recordMessageType(request);
        messagesOut.incrementAndGet();
        bytesOut.addAndGet(bytes);
        method.sent(bytes);
        requestWaitingSinceNanos.set(meter.nanoTime());
    }

    /** Records {@code response}, just received. */
    public void responseReceived(Message response) {
        int bytes = meter.recordMessageType(response);
        messagesIn.incrementAndGet();
        bytesIn.addAndGet(bytes);
        method.received(bytes);
        long now = meter.nanoTime();
        if (firstMessageMicros < 0) {
            firstMessageMicros = TimeUnit.NANOSECONDS.toMicros(now - startNanos);
            if (kind == CallKind.SERVER_STREAMING) {
                method.firstMessageAfter(now - startNanos);
            }
        }
        long requestSentNanos = requestWaitingSinceNanos.getAndSet(NO_REQUEST_WAITING);
        if (requestSentNanos != NO_REQUEST_WAITING && kind != CallKind.SERVER_STREAMING) {
            method.answeredAfter(now - requestSentNanos);
        }
        LatencyRecorder lags = deliveryLag;
        long eventNanos = lags == null ? EventTimes.NONE : meter.eventEpochNanos(response);
        if (lags != null && eventNanos != EventTimes.NONE) {
            long lag = Math.max(0, meter.epochNanos() - eventNanos);
            lags.record(lag);
            method.deliveredAfter(lag);
        }
    }

    /**
     * Records which server the call went to, {@code 10.0.0.5:8080}: a channel balancing over replicas puts each
     * call on one of them, and the transport tells only once the call started.
     */
    public void connectedTo(String remoteAddress) {
        replica = remoteAddress;
    }

    /** Records the end of the call, successful when {@code ok}; call it once. */
    public void closed(boolean ok) {
        meter.callClosed(callId);
        method.closed(ok);
    }

    CallStats stats() {
        return new CallStats(
                callId,
                methodName,
                kind,
                startNanos,
                messagesOut.get(),
                messagesIn.get(),
                bytesOut.get(),
                bytesIn.get(),
                replica,
                firstMessageMicros,
                deliveryLag == null ? LatencyStats.NONE : deliveryLag.stats(),
                deliveryLag == null ? List.of() : deliveryLag.histogram());
    }
}
