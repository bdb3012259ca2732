package io.tickscope.desktop.rpc.wire;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Reports every call on the channel it is installed on to a {@link WireMeter}: its start, each message each
 * way, its end, and which server (replica) it went to. Installed once on the application's channel, it sees the
 * calls of every view.
 */
public final class WireMeteringInterceptor implements ClientInterceptor {

    private final WireMeter meter;

    public WireMeteringInterceptor(WireMeter meter) {
        this.meter = requireNonNull(meter, "meter");
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
            MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
        return new MeteredCall<>(next.newCall(method, callOptions), method);
    }

    private static CallKind kindOf(MethodDescriptor.MethodType type) {
        switch (type) {
            case UNARY:
                return CallKind.UNARY;
            case CLIENT_STREAMING:
                return CallKind.CLIENT_STREAMING;
            case SERVER_STREAMING:
                return CallKind.SERVER_STREAMING;
            case BIDI_STREAMING:
                return CallKind.BIDI_STREAMING;
            case UNKNOWN:
                return CallKind.UNKNOWN;
        }
        throw new IllegalArgumentException("type: " + type + " (expected: a gRPC method type)");
    }

    private final class MeteredCall<ReqT, RespT> extends SimpleForwardingClientCall<ReqT, RespT> {

        private final MethodDescriptor<ReqT, RespT> method;
        private @Nullable CallMeter call;

        MeteredCall(ClientCall<ReqT, RespT> delegate, MethodDescriptor<ReqT, RespT> method) {
            super(delegate);
            this.method = method;
        }

        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
            CallMeter started = meter.callStarted(method.getFullMethodName(), kindOf(method.getType()));
            call = started;
            try {
                super.start(new MeteredListener<>(responseListener, started, this), headers);
            } catch (RuntimeException e) {
                started.closed(false);
                throw e;
            }
        }

        @Override
        public void sendMessage(ReqT message) {
            // Only protobuf messages have a size we can read without marshalling them a second time.
            if (call != null && message instanceof Message) {
                call.requestSent((Message) message);
            }
            super.sendMessage(message);
        }
    }

    private static final class MeteredListener<RespT> extends SimpleForwardingClientCallListener<RespT> {

        private final CallMeter call;
        private final ClientCall<?, RespT> clientCall;

        MeteredListener(ClientCall.Listener<RespT> delegate, CallMeter call, ClientCall<?, RespT> clientCall) {
            super(delegate);
            this.call = call;
            this.clientCall = clientCall;
        }

        /** The call's transport is known from its headers on: the channel may balance calls over replicas. */
        @Override
        public void onHeaders(Metadata headers) {
            SocketAddress remote = clientCall.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            if (remote != null) {
                call.connectedTo(describe(remote));
            }
            super.onHeaders(headers);
        }

        @Override
        public void onMessage(RespT message) {
            if (message instanceof Message) {
                call.responseReceived((Message) message);
            }
            super.onMessage(message);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            call.closed(status.isOk());
            super.onClose(status, trailers);
        }
    }

    /** Returns {@code 10.0.0.5:8080} for an IP address, without the host name Java may prefix it with. */
    private static String describe(SocketAddress remote) {
        if (remote instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) remote;
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return remote.toString();
    }
}
