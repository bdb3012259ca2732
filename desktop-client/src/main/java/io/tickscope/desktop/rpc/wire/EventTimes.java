package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds when a streamed message's event happened, for its delivery lag: the {@code event_time} Timestamp field
 * that the contract's stream messages carry (WatchPricesResponse). A message whose {@code kind} is a snapshot
 * is left out: its event time is when the price last changed, maybe hours ago, not when it was sent. The
 * fields are looked up once per message type; a type without {@code event_time} costs one map lookup.
 */
final class EventTimes {

    private static final String EVENT_TIME = "event_time";
    private static final String KIND = "kind";
    /** Returned for a message with no event time to measure. */
    static final long NONE = Long.MIN_VALUE;

    private final Map<Descriptor, Optional<Fields>> fieldsByType = new ConcurrentHashMap<>();

    /** Returns the event time of {@code message} in nanoseconds since the epoch, or {@link #NONE}. */
    long epochNanos(Message message) {
        Optional<Fields> fields = fieldsByType.computeIfAbsent(message.getDescriptorForType(), EventTimes::fieldsOf);
        if (fields.isEmpty() || !message.hasField(fields.get().eventTime())) {
            return NONE;
        }
        FieldDescriptor kind = fields.get().kind();
        if (kind != null
                && ((EnumValueDescriptor) message.getField(kind))
                        .getName()
                        .toUpperCase(Locale.ROOT)
                        .contains("SNAPSHOT")) {
            return NONE;
        }
        // Read by field number, not cast: in the Explorer the message and its Timestamp are DynamicMessages.
        Message time = (Message) message.getField(fields.get().eventTime());
        Descriptor timestamp = time.getDescriptorForType();
        long seconds = (Long) time.getField(timestamp.findFieldByNumber(Timestamp.SECONDS_FIELD_NUMBER));
        int nanos = (Integer) time.getField(timestamp.findFieldByNumber(Timestamp.NANOS_FIELD_NUMBER));
        return seconds * 1_000_000_000L + nanos;
    }

    private static Optional<Fields> fieldsOf(Descriptor type) {
        FieldDescriptor eventTime = type.findFieldByName(EVENT_TIME);
        if (eventTime == null
                || eventTime.getType() != FieldDescriptor.Type.MESSAGE
                || !eventTime
                        .getMessageType()
                        .getFullName()
                        .equals(Timestamp.getDescriptor().getFullName())) {
            return Optional.empty();
        }
        FieldDescriptor kind = type.findFieldByName(KIND);
        return Optional.of(
                new Fields(eventTime, kind != null && kind.getType() == FieldDescriptor.Type.ENUM ? kind : null));
    }

    private record Fields(FieldDescriptor eventTime, @Nullable FieldDescriptor kind) {}
}
