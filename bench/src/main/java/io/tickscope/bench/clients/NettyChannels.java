package io.tickscope.bench.clients;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tickscope.bench.servers.Loopback;

/** grpc-java's own Netty client: the one client both gRPC servers face when Armeria meets plain grpc-java. */
public final class NettyChannels {

    private NettyChannels() {}

    /**
     * Returns a plaintext channel to loopback {@code port} whose callbacks run on the event loop
     * ({@code directExecutor()}), as Armeria's client runs them: the harness's callbacks never block.
     */
    public static ManagedChannel plaintext(int port) {
        return NettyChannelBuilder.forAddress(Loopback.HOST, port)
                .usePlaintext()
                .directExecutor()
                .build();
    }
}
