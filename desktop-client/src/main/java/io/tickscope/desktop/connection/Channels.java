package io.tickscope.desktop.connection;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the application's one channel: every call of every view is multiplexed on it, and it balances over
 * every address the target names.
 */
public final class Channels {

    /** Pings an idle connection so that a dead server shows as reconnecting within seconds. */
    private static final long KEEPALIVE_SECONDS = 10;

    /**
     * Round robin over every replica (every address of a list, every address a DNS name has), each watched with
     * gRPC's client-side health check ({@code grpc.health.v1.Health/Watch}, served by every Tickscope server):
     * a replica that says NOT_SERVING, because it drains, gets no new call, and one whose connection drops is
     * left at once. The check needs {@code io.grpc:grpc-services} on the class path: it replaces round_robin's
     * provider with a health-checking one.
     */
    private static final Map<String, ?> BALANCED_OVER_HEALTHY_REPLICAS = Map.of(
            "loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
            "healthCheckConfig", Map.of("serviceName", ""));

    private Channels() {}

    /** Opens a plaintext channel to {@code address}; every call on it passes through {@code interceptors}. */
    public static ManagedChannel open(ServerAddress address, ClientInterceptor... interceptors) {
        return open(ServerTarget.of(address), ChannelSecurity.plaintext(), interceptors);
    }

    /** Opens the channel to {@code address}, secured as {@code security} says. */
    public static ManagedChannel open(
            ServerAddress address, ChannelSecurity security, ClientInterceptor... interceptors) {
        return open(ServerTarget.of(address), security, interceptors);
    }

    /**
     * Opens one channel to {@code target}, balanced over its replicas; secured as {@code security} says (TLS, a
     * client certificate, a bearer token on every call), unless the target's scheme picks plaintext or TLS
     * itself; every call on it passes through {@code interceptors}.
     */
    public static ManagedChannel open(
            ServerTarget target, ChannelSecurity security, ClientInterceptor... interceptors) {
        ChannelSecurity secured = security.forTarget(target);
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(grpcTarget(target), secured.channelCredentials())
                .defaultServiceConfig(BALANCED_OVER_HEALTHY_REPLICAS)
                .intercept(interceptors)
                .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                .maxInboundMessageSize(16 * 1024 * 1024);
        CallCredentials token = secured.callCredentials();
        if (token != null) {
            builder.intercept(withCredentials(token));
        }
        return builder.build();
    }

    /** A list goes to the replica-list resolver, one name to grpc-java's DNS resolver (all its addresses). */
    private static String grpcTarget(ServerTarget target) {
        return target.isList()
                ? ReplicaListNameResolverProvider.targetFor(target.addresses())
                : "dns:///" + target.addresses().get(0).target();
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
