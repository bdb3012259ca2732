package io.tickscope.server.security;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.tickscope.server.security.ReflectedMethods.ReflectedMethod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Calls any method by name with an empty request, as raw bytes, and reports how the server first answered: its
 * status when it closed the call at once, or OK as soon as it sent headers or a message (the call got past the
 * access check; it is then cancelled).
 */
final class GenericCalls {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private GenericCalls() {}

    /** Calls {@code method} on {@code channel}, with {@code authorization: Bearer <token>} when a token is given. */
    static Status.Code firstAnswer(Channel channel, ReflectedMethod method, @Nullable String token) throws Exception {
        Channel target = token == null ? channel : BearerTokens.attach(channel, token);
        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
                .setFullMethodName(method.fullName())
                .setType(method.type())
                .build();
        ClientCall<byte[], byte[]> call =
                target.newCall(descriptor, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
        CompletableFuture<Status.Code> answer = new CompletableFuture<>();
        call.start(
                new ClientCall.Listener<>() {
                    @Override
                    public void onHeaders(Metadata headers) {
                        answer.complete(Status.Code.OK);
                    }

                    @Override
                    public void onMessage(byte[] message) {
                        answer.complete(Status.Code.OK);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        answer.complete(status.getCode());
                    }
                },
                new Metadata());
        call.request(1);
        // Client-streaming methods take no message at all; the others need exactly one.
        if (method.type().clientSendsOneMessage()) {
            call.sendMessage(new byte[0]);
        }
        call.halfClose();
        try {
            return answer.get(15, TimeUnit.SECONDS);
        } finally {
            call.cancel("the test has its answer", null);
        }
    }
}
