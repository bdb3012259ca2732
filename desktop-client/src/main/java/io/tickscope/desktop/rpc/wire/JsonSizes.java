package io.tickscope.desktop.rpc.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorDetailsProto;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Measures a message as the proto3 JSON mapping writes it: compact, with default values left out just as
 * protobuf leaves them out, so the two sizes compare the encodings and nothing else.
 */
final class JsonSizes {

    /** Error statuses carry their details as {@code Any}; JSON needs to know those types to write them. */
    private final JsonFormat.Printer printer = JsonFormat.printer()
            .omittingInsignificantWhitespace()
            .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder()
                    .add(ErrorDetailsProto.getDescriptor().getMessageTypes())
                    .build());

    /** Returns the UTF-8 size of {@code message} as JSON, or empty when it holds an {@code Any} of unknown type. */
    OptionalInt of(Message message) {
        try {
            return OptionalInt.of(printer.print(message).getBytes(StandardCharsets.UTF_8).length);
        } catch (InvalidProtocolBufferException unknownAnyType) {
            return OptionalInt.empty();
        }
    }
}
