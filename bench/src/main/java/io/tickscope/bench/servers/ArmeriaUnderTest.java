package io.tickscope.bench.servers;

import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import java.time.Duration;

/**
 * The real Tickscope server, started as the headless launcher starts it ({@link TickscopeServer#start}) on a
 * free loopback port over a fresh database: gRPC, REST/JSON and everything else on one port.
 */
public final class ArmeriaUnderTest implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

    private final ScratchDirectory dataDirectory;
    private final TickscopeServer server;

    private ArmeriaUnderTest(ScratchDirectory dataDirectory, TickscopeServer server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
    }

    /** Starts a server whose market makes {@code tickRate} price changes per second, storing them as history. */
    public static ArmeriaUnderTest start(int tickRate) {
        return start(tickRate, true);
    }

    /**
     * Starts a server whose market makes {@code tickRate} price changes per second, storing them as history
     * unless {@code storesHistory} is false ({@code --history off}).
     */
    public static ArmeriaUnderTest start(int tickRate, boolean storesHistory) {
        ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-armeria");
        try {
            ServerSettings settings = new ServerSettings(
                    Loopback.HOST, 0, dataDirectory.path(), tickRate, ServerSettings.DEFAULT_SEED, SHUTDOWN_TIMEOUT);
            TickscopeServer server = TickscopeServer.start(storesHistory ? settings : settings.withoutHistory());
            return new ArmeriaUnderTest(dataDirectory, server);
        } catch (RuntimeException e) {
            dataDirectory.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            dataDirectory.close();
        }
    }
}
