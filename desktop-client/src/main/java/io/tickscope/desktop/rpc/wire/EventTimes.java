package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds when a streamed message's event happened, for its delivery lag: the {@code event_time} Timestamp field
 * that the contract's stream messages carry (WatchPricesResponse). A message whose {@code kind} is a snapshot
 * is left out: its event time is when the price last changed, maybe hours ago, not when it was sent. The
 * fields and the snapshot kinds are looked up once per message type, not per message: this runs on every
 * streamed message; a type without {@code event_time} costs one map lookup.
 */
final class EventTimes {

    private static final String EVENT_TIME = "event_time";
    private static final String KIND = "kind";
    /** Returned for a message with no event time to measure. */
    static final long NONE = Long.MIN_VALUE;

    private final Map<Descriptor, Optional<Fields>> fieldsByType = new ConcurrentHashMap<>();

    /** Returns the event time of {@code message} in nanoseconds since the epoch, or {@link #NONE}. */
    long epochNanos(Message message) {
        Optional<Fields> found = fieldsByType.computeIfAbsent(message.getDescriptorForType(), EventTimes::fieldsOf);
        if (found.isEmpty() || !message.hasField(found.get().eventTime())) {
            return NONE;
        }
        Fields fields = found.get();
        FieldDescriptor kind = fields.kind();
        if (kind != null && fields.snapshotKinds().contains((EnumValueDescriptor) message.getField(kind))) {
            return NONE;
        }
        // Read by field number, not cast: in the Explorer the message and its Timestamp are DynamicMessages.
        Message time = (Message) message.getField(fields.eventTime());
        long seconds = (Long) time.getField(fields.seconds());
        int nanos = (Integer) time.getField(fields.nanos());
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
        Descriptor timestamp = eventTime.getMessageType();
        FieldDescriptor kind = type.findFieldByName(KIND);
        boolean kindIsEnum = kind != null && kind.getType() == FieldDescriptor.Type.ENUM;
        return Optional.of(new Fields(
                eventTime,
                timestamp.findFieldByNumber(Timestamp.SECONDS_FIELD_NUMBER),
                timestamp.findFieldByNumber(Timestamp.NANOS_FIELD_NUMBER),
                kindIsEnum ? kind : null,
                kindIsEnum ? snapshotKinds(kind) : Set.of()));
    }

    /** The values of {@code kind} that name a snapshot, such as {@code KIND_SNAPSHOT}. */
    private static Set<EnumValueDescriptor> snapshotKinds(FieldDescriptor kind) {
        return kind.getEnumType().getValues().stream()
                .filter(value -> value.getName().toUpperCase(Locale.ROOT).contains("SNAPSHOT"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Where a message type keeps its event time and kind, looked up once. */
    private record Fields(
            FieldDescriptor eventTime,
            FieldDescriptor seconds,
            FieldDescriptor nanos,
            @Nullable FieldDescriptor kind,
            Set<EnumValueDescriptor> snapshotKinds) {}
}
