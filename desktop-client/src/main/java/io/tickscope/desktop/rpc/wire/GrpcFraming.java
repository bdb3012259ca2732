package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.MessageLite;

/** The size of a message as gRPC sends it: the protobuf bytes behind gRPC's length prefix. */
public final class GrpcFraming {

    /** gRPC's per-message prefix: one compression flag byte and a four-byte length. */
    public static final int MESSAGE_PREFIX_BYTES = 5;

    private GrpcFraming() {}

    /** Returns the bytes {@code message} takes on the wire without compression, prefix included. */
    public static int messageBytes(MessageLite message) {
        return message.getSerializedSize() + MESSAGE_PREFIX_BYTES;
    }
}
