package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Measures every call of one channel (or server): which calls are in flight, and per call, method and message
 * type how many messages and bytes went each way, with latency percentiles per method. An interceptor
 * reports each call through {@link #callStarted}; a view reads {@link #snapshot()} at its own pace.
 *
 * <p>Memory stays bounded: one entry per call in flight, per method and per message type, and one remembered
 * message per type. Recording a message costs a few uncontended atomic additions and no allocation once its
 * method and type were seen.
 */
public final class WireMeter {

    private final LongSupplier nanoTime;
    private final Clock wallClock;
    private final EventTimes eventTimes = new EventTimes();
    private final JsonSizes jsonSizes = new JsonSizes();
    private final AtomicLong lastCallId = new AtomicLong();
    private final Map<Long, CallMeter> activeCalls = new ConcurrentHashMap<>();
    private final Map<String, MethodMeter> methods = new ConcurrentHashMap<>();
    private final Map<Descriptor, MessageTypeMeter> messageTypes = new ConcurrentHashMap<>();

    /** Creates a meter on the system's monotonic clock. */
    public WireMeter() {
        this(System::nanoTime);
    }

    /** Creates a meter that reads the time in nanoseconds from {@code nanoTime}, a monotonic clock. */
    public WireMeter(LongSupplier nanoTime) {
        this(nanoTime, Clock.systemUTC());
    }

    /**
     * Creates a meter that reads monotonic time from {@code nanoTime} and compares streamed messages' event times
     * with {@code wallClock}.
     */
    public WireMeter(LongSupplier nanoTime, Clock wallClock) {
        this.nanoTime = requireNonNull(nanoTime, "nanoTime");
        this.wallClock = requireNonNull(wallClock, "wallClock");
    }

    /**
     * Records the start of a call of {@code method} (a full method name such as
     * "tickscope.pricing.v1.PricingService/GetPrice") and returns the meter for the rest of it, which must
     * be {@linkplain CallMeter#closed closed} once.
     */
    public CallMeter callStarted(String method, CallKind kind) {
        requireNonNull(method, "method");
        requireNonNull(kind, "kind");
        MethodMeter methodMeter = methods.computeIfAbsent(method, name -> new MethodMeter(name, kind));
        methodMeter.started();
        long callId = lastCallId.incrementAndGet();
        CallMeter call = new CallMeter(this, methodMeter, callId, method, kind, nanoTime());
        activeCalls.put(callId, call);
        return call;
    }

    /**
     * Returns what was measured so far. Samples the latest message of each type seen since the last snapshot
     * for its JSON size, so call it at a bounded rate (a few times a second), never per message.
     */
    public WireSnapshot snapshot() {
        long takenNanos = nanoTime();
        List<CallStats> calls = new ArrayList<>(activeCalls.size());
        activeCalls.values().forEach(call -> calls.add(call.stats()));
        calls.sort(Comparator.comparingLong(CallStats::callId));
        List<MethodStats> methodStats = new ArrayList<>(methods.size());
        methods.values().forEach(method -> methodStats.add(method.stats()));
        methodStats.sort(Comparator.comparing(MethodStats::method));
        List<MessageTypeStats> typeStats = new ArrayList<>(messageTypes.size());
        messageTypes.values().forEach(type -> typeStats.add(type.sampleAndStats(jsonSizes)));
        typeStats.sort(Comparator.comparing(MessageTypeStats::typeName));
        return new WireSnapshot(takenNanos, calls, methodStats, typeStats);
    }

    long nanoTime() {
        return nanoTime.getAsLong();
    }

    /** The wall clock now, in nanoseconds since the epoch. */
    long epochNanos() {
        Instant now = wallClock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The event time {@code message} carries, in nanoseconds since the epoch, or {@link EventTimes#NONE}. */
    long eventEpochNanos(Message message) {
        return eventTimes.epochNanos(message);
    }

    /** Counts {@code message} under its type and returns its size on the wire. */
    int recordMessageType(Message message) {
        Descriptor type = message.getDescriptorForType();
        MessageTypeMeter meter = messageTypes.get(type);
        if (meter == null) {
            meter = messageTypes.computeIfAbsent(type, descriptor -> new MessageTypeMeter(descriptor.getFullName()));
        }
        int protobufSize = message.getSerializedSize();
        meter.record(message, protobufSize);
        return protobufSize + GrpcFraming.MESSAGE_PREFIX_BYTES;
    }

    void callClosed(long callId) {
        activeCalls.remove(callId);
    }
}
