package io.tickscope.desktop.connection;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/** Builds the application's one channel: every call of every view is multiplexed on it. */
public final class Channels {

    /** Pings an idle connection so that a dead server shows as reconnecting within seconds. */
    private static final long KEEPALIVE_SECONDS = 10;

    private Channels() {}

    /** Opens the channel to {@code address}; every call on it passes through {@code interceptors}. */
    public static ManagedChannel open(ServerAddress address, ClientInterceptor... interceptors) {
        return NettyChannelBuilder.forTarget(address.target())
                .intercept(interceptors)
                .usePlaintext()
                .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .maxInboundMessageSize(16 * 1024 * 1024)
                .build();
    }
}
