package io.tickscope.bench.servers;

import static java.util.Objects.requireNonNull;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.TickscopeServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Tickscope's own pricing service implementation ({@link TickscopeServices#pricingService}) over the same kind
 * of backend, hosted on a plain grpc-java Netty server instead of Armeria: what a user might pick instead.
 */
public final class PlainGrpcUnderTest implements AutoCloseable {

    private final ScratchDirectory dataDirectory;
    private final Backend backend;
    private final Server server;

    private PlainGrpcUnderTest(ScratchDirectory dataDirectory, Backend backend, Server server) {
        this.dataDirectory = dataDirectory;
        this.backend = backend;
        this.server = server;
    }

    /** Starts a server whose market makes {@code tickRate} changes per second, running handlers on {@code threads}. */
    public static PlainGrpcUnderTest start(int tickRate, HandlerThreads threads) {
        requireNonNull(threads, "threads");
        ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-grpc-java");
        Backend backend = Backend.open(dataDirectory.path(), ServerSettings.DEFAULT_SEED, tickRate, Clock.systemUTC());
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.address(), 0))
                    .addService(TickscopeServices.pricingService(backend));
            if (threads == HandlerThreads.EVENT_LOOP) {
                builder.directExecutor();
            }
            Server server = builder.build().start();
            backend.startMarket();
            return new PlainGrpcUnderTest(dataDirectory, backend, server);
        } catch (IOException e) {
            backend.close();
            dataDirectory.close();
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            backend.close();
            dataDirectory.close();
        }
    }
}
