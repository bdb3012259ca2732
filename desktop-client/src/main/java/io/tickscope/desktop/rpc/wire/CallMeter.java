package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.Message;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one call from start to close; {@link WireMeter#callStarted} hands it out. Sending and receiving
 * may happen on different threads at once.
 *
 * <p>Latency is the time from the latest request message to the first response message after it: the round
 * trip of a unary call, the time to the first message of a server stream, and the time to the answer to the
 * latest action in a bidirectional session. Responses with no request waiting (the rest of a stream) record
 * none.
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

    CallMeter(WireMeter meter, MethodMeter method, long callId, String methodName, CallKind kind, long startNanos) {
        this.meter = meter;
        this.method = method;
        this.callId = callId;
        this.methodName = methodName;
        this.kind = kind;
        this.startNanos = startNanos;
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
        long requestSentNanos = requestWaitingSinceNanos.getAndSet(NO_REQUEST_WAITING);
        if (requestSentNanos != NO_REQUEST_WAITING) {
            method.answeredAfter(meter.nanoTime() - requestSentNanos);
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
                replica);
    }
}
