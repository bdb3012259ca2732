package io.tickscope.desktop.testing;

import static java.util.Objects.requireNonNull;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Tickscope server on an ephemeral loopback port, over a database in a temporary directory. Seeding a
 * database takes seconds, so one server serves every test class of the run; it stops when the run ends. Its
 * market is still (tick rate 0) so that prices do not move under a test.
 */
public final class SharedServer implements BeforeAllCallback {

    private @Nullable Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServer.class, key -> Running.start(), Running.class);
    }

    public ServerAddress address() {
        return new ServerAddress(
                "127.0.0.1",
                requireNonNull(running, "running: before beforeAll").server.port());
    }

    /** Opens a channel the way the application does; the caller shuts it down. */
    public ManagedChannel openChannel(ClientInterceptor... interceptors) {
        return Channels.open(address(), interceptors);
    }

    /**
     * Returns a recommendation client over {@code channel} as the application builds one: following the
     * channel's state, reopening sessions on {@code scheduler}.
     */
    public static RecommendationClient recommendationClient(
            ManagedChannel channel, ScheduledExecutorService scheduler) {
        return new RecommendationClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
    }

    /**
     * Returns a pricing client over {@code channel} as the application builds one: following the channel's
     * state, resubscribing watches on {@code scheduler}, with the default deadline.
     */
    public static PricingClient pricingClient(ManagedChannel channel, ScheduledExecutorService scheduler) {
        return new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
    }

    /** The server and its data directory; the store closes it when the run ends. */
    static final class Running implements AutoCloseable {

        private final TickscopeServer server;
        private final Path dataDirectory;

        private Running(TickscopeServer server, Path dataDirectory) {
            this.server = server;
            this.dataDirectory = dataDirectory;
        }

        static Running start() {
            try {
                Path dataDirectory = Files.createTempDirectory("tickscope-desktop-test");
                return new Running(
                        TickscopeServer.start(
                                new ServerSettings("127.0.0.1", 0, dataDirectory, 0, 42, Duration.ofSeconds(5))),
                        dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            server.close();
            Directories.deleteRecursively(dataDirectory);
        }
    }
}
