package io.tickscope.desktop.rpc.wire;

import java.util.List;

/**
 * What a {@link WireMeter} has seen, at one moment.
 *
 * @param takenNanos when the snapshot was taken, on the meter's clock
 * @param activeCalls the calls in flight, oldest first
 * @param methods every method called so far, by name
 * @param messageTypes every message type seen so far, by name
 */
public record WireSnapshot(
        long takenNanos, List<CallStats> activeCalls, List<MethodStats> methods, List<MessageTypeStats> messageTypes) {

    public WireSnapshot {
        activeCalls = List.copyOf(activeCalls);
        methods = List.copyOf(methods);
        messageTypes = List.copyOf(messageTypes);
    }
}
