package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/** Serializes {@link DynamicMessage}s of one type, known only at run time, for a gRPC method. */
final class DynamicMarshaller implements MethodDescriptor.Marshaller<DynamicMessage> {

    private final Descriptor type;

    DynamicMarshaller(Descriptor type) {
        this.type = requireNonNull(type, "type");
    }

    @Override
    public InputStream stream(DynamicMessage value) {
        return value.toByteString().newInput();
    }

    @Override
    public DynamicMessage parse(InputStream stream) {
        try {
            return DynamicMessage.parseFrom(type, stream);
        } catch (IOException e) {
            throw Status.INTERNAL
                    .withDescription("response: not a " + type.getFullName() + " (" + e.getMessage() + ")")
                    .withCause(e)
                    .asRuntimeException();
        }
    }
}
