package io.tickscope.desktop.rpc.wire;

import java.util.concurrent.atomic.LongAdder;

/** The running totals of one method; many calls of it may record at once. */
final class MethodMeter {

    private final String method;
    private final CallKind kind;
    private final LongAdder callsStarted = new LongAdder();
    private final LongAdder callsClosed = new LongAdder();
    private final LongAdder callsFailed = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder firstMessage = new LatencyRecorder();
    private final LatencyRecorder deliveryLag = new LatencyRecorder();

    MethodMeter(String method, CallKind kind) {
        this.method = method;
        this.kind = kind;
    }

    void started() {
        callsStarted.increment();
    }

    void sent(int bytes) {
        messagesOut.increment();
        bytesOut.add(bytes);
    }

    void received(int bytes) {
        messagesIn.increment();
        bytesIn.add(bytes);
    }

    void answeredAfter(long nanos) {
        latency.record(nanos);
    }

    void firstMessageAfter(long nanos) {
        firstMessage.record(nanos);
    }

    void deliveredAfter(long nanos) {
        deliveryLag.record(nanos);
    }

    void closed(boolean ok) {
        if (!ok) {
            callsFailed.increment();
        }
        callsClosed.increment();
    }

    MethodStats stats() {
        // Closed before started, so that a call racing with this read never counts as closed but not started.
        long closed = callsClosed.sum();
        long started = callsStarted.sum();
        return new MethodStats(
                method,
                kind,
                started,
                Math.max(0, started - closed),
                callsFailed.sum(),
                messagesOut.sum(),
                messagesIn.sum(),
                bytesOut.sum(),
                bytesIn.sum(),
                latency.stats(),
                firstMessage.stats(),
                deliveryLag.stats(),
                deliveryLag.histogram());
    }
}
