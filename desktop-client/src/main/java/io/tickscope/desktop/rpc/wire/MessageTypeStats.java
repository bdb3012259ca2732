package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

/**
 * One message type's traffic and its size in two encodings, as of a snapshot.
 *
 * <p>Encoding every message as JSON would cost more than sending it, so the JSON size is measured on a
 * sample: the latest message of the type at each snapshot. Both sizes of the sample are of the same
 * messages, so their ratio is fair.
 *
 * @param typeName the full protobuf name, for example "tickscope.pricing.v1.GetPriceResponse"
 * @param messages messages of this type sent or received
 * @param protobufBytes their protobuf bytes, without gRPC's prefix
 * @param sampledMessages messages encoded both ways
 * @param sampledProtobufBytes the sampled messages' protobuf bytes
 * @param sampledJsonBytes the same messages' bytes as compact JSON (UTF-8, proto3 JSON mapping)
 */
public record MessageTypeStats(
        String typeName,
        long messages,
        long protobufBytes,
        long sampledMessages,
        long sampledProtobufBytes,
        long sampledJsonBytes) {

    public MessageTypeStats {
        requireNonNull(typeName, "typeName");
    }

    /** Returns the mean protobuf size of the sampled messages, or 0 before the first sample. */
    public double meanProtobufBytes() {
        return sampledMessages == 0 ? 0 : (double) sampledProtobufBytes / sampledMessages;
    }

    /** Returns the mean JSON size of the same sampled messages, or 0 before the first sample. */
    public double meanJsonBytes() {
        return sampledMessages == 0 ? 0 : (double) sampledJsonBytes / sampledMessages;
    }

    /** Returns how many times larger JSON is than protobuf for the sample, or 0 before a comparable sample. */
    public double jsonToProtobufRatio() {
        return sampledProtobufBytes == 0 ? 0 : (double) sampledJsonBytes / sampledProtobufBytes;
    }
}
