package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.Message;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The traffic of one message type. Recording only counts and remembers the latest message; the JSON
 * encoding of that message waits for the next reader, off the path every message takes.
 */
final class MessageTypeMeter {

    private final String typeName;
    private final LongAdder messages = new LongAdder();
    private final LongAdder protobufBytes = new LongAdder();
    private final AtomicReference<@Nullable Message> latestUnsampled = new AtomicReference<>();

    // Guarded by this: only readers touch them.
    private long sampledMessages;
    private long sampledProtobufBytes;
    private long sampledJsonBytes;

    MessageTypeMeter(String typeName) {
        this.typeName = typeName;
    }

    /** Counts {@code message}, which has {@code protobufSize} bytes; safe from any thread. */
    void record(Message message, int protobufSize) {
        messages.increment();
        protobufBytes.add(protobufSize);
        latestUnsampled.lazySet(message);
    }

    /** Samples the latest message recorded since the last call, if any, and returns the totals. */
    synchronized MessageTypeStats sampleAndStats(JsonSizes json) {
        Message sample = latestUnsampled.getAndSet(null);
        if (sample != null) {
            OptionalInt jsonSize = json.of(sample);
            if (jsonSize.isPresent()) {
                sampledMessages++;
                sampledProtobufBytes += sample.getSerializedSize();
                sampledJsonBytes += jsonSize.getAsInt();
            }
        }
        return new MessageTypeStats(
                typeName, messages.sum(), protobufBytes.sum(), sampledMessages, sampledProtobufBytes, sampledJsonBytes);
    }
}
