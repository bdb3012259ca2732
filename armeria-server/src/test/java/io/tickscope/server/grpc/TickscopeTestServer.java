package io.tickscope.server.grpc;

import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.testing.junit5.server.ServerExtension;
import io.grpc.stub.AbstractStub;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.store.Database;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A real Tickscope server on an ephemeral loopback port, wired by the same {@link
 * TickscopeServices#configureServices} as production, over a fresh database seeded with the default seed.
 */
final class TickscopeTestServer extends ServerExtension {

    static final long SEED = 42;

    private final int tickRate;
    private final Duration historyRetention;
    private @Nullable Backend backend;
    private @Nullable Path dataDirectory;

    /** A server whose market moves {@code tickRate} prices per second; 0 keeps prices still. */
    TickscopeTestServer(int tickRate) {
        this(tickRate, Backend.DEFAULT_HISTORY_RETENTION);
    }

    /** A server as {@link #TickscopeTestServer(int)} that keeps {@code historyRetention} of history ({@link
     * Backend#NO_HISTORY}: none). */
    TickscopeTestServer(int tickRate, Duration historyRetention) {
        this.tickRate = tickRate;
        this.historyRetention = historyRetention;
    }

    @Override
    protected void configure(ServerBuilder sb) throws IOException {
        Path directory = Files.createTempDirectory("tickscope-test");
        Backend opened =
                Backend.open(Database.open(directory, SEED), SEED, tickRate, Clock.systemUTC(), null, historyRetention);
        dataDirectory = directory;
        backend = opened;
        TickscopeServices.configureServices(sb, opened);
        sb.serverListener(ServerListener.builder()
                .whenStarted(server -> opened.startMarket())
                .whenStopped(server -> {
                    opened.close();
                    Directories.deleteRecursively(directory);
                })
                .build());
    }

    Backend backend() {
        Backend current = backend;
        if (current == null) {
            throw new IllegalStateException("backend: not started (expected: the extension to have started)");
        }
        return current;
    }

    /** Returns a gRPC stub of type {@code stubType} on a real HTTP/2 connection to this server. */
    <T extends AbstractStub<T>> T stub(Class<T> stubType) {
        return GrpcClients.newClient(httpUri(), stubType);
    }
}
