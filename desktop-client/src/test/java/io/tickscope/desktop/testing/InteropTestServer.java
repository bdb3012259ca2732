package io.tickscope.desktop.testing;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.testing.integration.TestServiceImpl;
import io.tickscope.desktop.connection.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server that is not Tickscope: grpc-java's interop {@code TestService} on a plain grpc-java (Netty)
 * server on a loopback port, with only the deprecated v1alpha reflection service, as older servers have. The
 * Explorer must discover it (falling back from v1) and call it like any other.
 */
public final class InteropTestServer implements AutoCloseable {

    /** The TestService's timer: it paces streamed responses (interval_us). */
    private final ScheduledExecutorService executor;

    private final Server server;

    private InteropTestServer(ScheduledExecutorService executor, Server server) {
        this.executor = executor;
        this.server = server;
    }

    @SuppressWarnings("deprecation") // v1alpha on purpose: the Explorer's fallback is what is under test
    public static InteropTestServer start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(
                            ServerInterceptors.intercept(new TestServiceImpl(executor), TestServiceImpl.interceptors()))
                    .addService(io.grpc.protobuf.services.ProtoReflectionService.newInstance())
                    .build()
                    .start();
            return new InteropTestServer(executor, server);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", server.getPort());
    }

    @Override
    public void close() {
        try {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }
}
