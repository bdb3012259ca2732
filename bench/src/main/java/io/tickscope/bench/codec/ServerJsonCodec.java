package io.tickscope.bench.codec;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.protobuf.ProtoUtils;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON codec the server speaks on its REST routes: Armeria's default {@link GrpcJsonMarshaller} for the
 * pricing service (protobuf-jackson, the proto3 JSON mapping, compact). REST clients in the harness decode
 * with it too, so that they end up with the same message a gRPC client gets.
 */
public final class ServerJsonCodec {

    private static final GrpcJsonMarshaller MARSHALLER =
            GrpcJsonMarshaller.of(PricingServiceGrpc.getServiceDescriptor());

    private ServerJsonCodec() {}

    /** Returns {@code message} as JSON, in UTF-8. */
    public static <T extends Message> byte[] encode(T message) {
        requireNonNull(message, "message");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            MARSHALLER.serializeMessage(marshallerFor(message), message, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns the message of {@code prototype}'s type that {@code json} holds. */
    public static <T extends Message> T decode(byte[] json, T prototype) {
        requireNonNull(json, "json");
        try {
            return MARSHALLER.deserializeMessage(marshallerFor(prototype), new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked") // a message's default instance has the message's own type
    private static <T extends Message> Marshaller<T> marshallerFor(T message) {
        return ProtoUtils.marshaller((T) message.getDefaultInstanceForType());
    }
}
