package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import io.tickscope.desktop.rpc.ErrorDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Calls any method of any server with {@link DynamicMessage}s: a gRPC {@link MethodDescriptor} is made at run
 * time from the protobuf method descriptor, with marshallers for its input and output types. One code path for
 * the four kinds: requests go out as the caller sends them, and responses are asked for one at a time, so a
 * fast server stream is paced by the Explorer's reading, not buffered without bound.
 */
public final class DynamicCalls {

    private final Channel channel;

    /** {@code channel} is the app's one channel or one to a named server; the caller owns it. */
    public DynamicCalls(Channel channel) {
        this.channel = requireNonNull(channel, "channel");
    }

    /** Starts a call of {@code method}; send its requests through the returned call. */
    public OpenCall start(Descriptors.MethodDescriptor method, CallSettings settings, CallListener listener) {
        requireNonNull(listener, "listener");
        MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = grpcMethodOf(method);
        CallOptions options = CallOptions.DEFAULT.withCompression(settings.compression());
        Duration deadline = settings.deadline();
        if (deadline != null) {
            options = options.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        ClientCall<DynamicMessage, DynamicMessage> call = channel.newCall(grpcMethod, options);
        Running running = new Running(call);
        long startedNanos = System.nanoTime();
        call.start(
                new ClientCall.Listener<>() {
                    @Override
                    public void onHeaders(Metadata headers) {
                        listener.onHeaders(headersOf(headers));
                    }

                    @Override
                    public void onMessage(DynamicMessage message) {
                        listener.onMessage(message, Instant.now());
                        running.requestNext();
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        listener.onClose(new CallOutcome(
                                status.getCode().name(),
                                descriptionOf(status),
                                ErrorDetails.of(status, trailers),
                                headersOf(trailers),
                                Duration.ofNanos(System.nanoTime() - startedNanos)));
                    }
                },
                metadataOf(settings.metadata()));
        running.requestNext();
        return running;
    }

    /** Returns gRPC's descriptor of {@code method}, marshalling its types as dynamic messages. */
    static MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethodOf(Descriptors.MethodDescriptor method) {
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(typeOf(method))
                .setFullMethodName(ServiceCatalog.fullNameOf(method))
                .setRequestMarshaller(new DynamicMarshaller(method.getInputType()))
                .setResponseMarshaller(new DynamicMarshaller(method.getOutputType()))
                .build();
    }

    private static MethodType typeOf(Descriptors.MethodDescriptor method) {
        if (method.isClientStreaming()) {
            return method.isServerStreaming() ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING;
        }
        return method.isServerStreaming() ? MethodType.SERVER_STREAMING : MethodType.UNARY;
    }

    private static String descriptionOf(Status status) {
        String description = status.getDescription();
        if (description == null && status.getCause() != null) {
            description = String.valueOf(status.getCause().getMessage());
        }
        return description == null ? "" : description;
    }

    private static Metadata metadataOf(List<Header> headers) {
        Metadata metadata = new Metadata();
        for (Header header : headers) {
            if (header.name().endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                metadata.put(
                        Metadata.Key.of(header.name(), Metadata.BINARY_BYTE_MARSHALLER),
                        Base64.getDecoder().decode(header.value()));
            } else {
                metadata.put(Metadata.Key.of(header.name(), Metadata.ASCII_STRING_MARSHALLER), header.value());
            }
        }
        return metadata;
    }

    private static List<Header> headersOf(Metadata metadata) {
        List<Header> headers = new ArrayList<>();
        for (String name : metadata.keys()) {
            if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                Iterable<byte[]> values = metadata.getAll(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER));
                if (values != null) {
                    values.forEach(value ->
                            headers.add(new Header(name, Base64.getEncoder().encodeToString(value))));
                }
            } else {
                Iterable<String> values = metadata.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
                if (values != null) {
                    values.forEach(value -> headers.add(new Header(name, value)));
                }
            }
        }
        return headers;
    }

    /**
     * The call's side the user drives. A {@link ClientCall} is not thread-safe: the user's sends and the
     * listener's requests for the next response are serialized here.
     */
    private static final class Running implements OpenCall {

        private final ClientCall<DynamicMessage, DynamicMessage> call;
        private boolean halfClosed;

        Running(ClientCall<DynamicMessage, DynamicMessage> call) {
            this.call = call;
        }

        synchronized void requestNext() {
            call.request(1);
        }

        @Override
        public synchronized void send(DynamicMessage request) {
            if (halfClosed) {
                throw new IllegalStateException("send after half-close (expected: a new call)");
            }
            call.sendMessage(request);
        }

        @Override
        public synchronized void halfClose() {
            if (!halfClosed) {
                halfClosed = true;
                call.halfClose();
            }
        }

        @Override
        public synchronized void cancel() {
            call.cancel("cancelled in the Explorer", null);
        }
    }
}
