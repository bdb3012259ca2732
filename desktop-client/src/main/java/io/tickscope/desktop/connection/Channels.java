package io.tickscope.desktop.connection;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/** Builds the application's one channel: every call of every view is multiplexed on it. */
public final class Channels {

    /** Pings an idle connection so that a dead server shows as reconnecting within seconds. */
    private static final long KEEPALIVE_SECONDS = 10;

    private Channels() {}

    /** Opens a plaintext channel to {@code address}; every call on it passes through {@code interceptors}. */
    public static ManagedChannel open(ServerAddress address, ClientInterceptor... interceptors) {
        return open(address, ChannelSecurity.plaintext(), interceptors);
    }

    /**
     * Opens the channel to {@code address}, secured as {@code security} says (TLS, a client certificate, a bearer
     * token on every call); every call on it passes through {@code interceptors}.
     */
    public static ManagedChannel open(
            ServerAddress address, ChannelSecurity security, ClientInterceptor... interceptors) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(address.target(), security.channelCredentials())
                .intercept(interceptors)
                .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .maxInboundMessageSize(16 * 1024 * 1024);
        CallCredentials token = security.callCredentials();
        if (token != null) {
            builder.intercept(withCredentials(token));
        }
        return builder.build();
    }

    private static ClientInterceptor withCredentials(CallCredentials credentials) {
        return new ClientInterceptor() {
            @Override
            public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
                    MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
                return next.newCall(method, callOptions.withCallCredentials(credentials));
            }
        };
    }
}
