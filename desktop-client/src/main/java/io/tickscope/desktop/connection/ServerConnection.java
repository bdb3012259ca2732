package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.SecuritySettings;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The server the monitor talks to: a remote one named by the user, or one started embedded on loopback with
 * its own data directory. Closing it stops the embedded server, if any.
 */
public final class ServerConnection implements AutoCloseable {

    /**
     * Price history the embedded server keeps: its demo market's changes fill about 6 MB of the user's disk a
     * minute at the default rate, and a monitor's own server is not a record; an operator's server keeps a day.
     */
    private static final Duration EMBEDDED_HISTORY_RETENTION = Duration.ofMinutes(15);

    /**
     * The server's defaults, but connections never age out: the one client of an embedded server has no other
     * server to spread to, and its price watch would be cut at the age only to resync.
     */
    private static final ServerLimits EMBEDDED_LIMITS =
            ServerLimits.defaults().toBuilder().maxConnectionAge(Duration.ZERO).build();

    private final ServerTarget address;
    private final @Nullable TickscopeServer embedded;

    private ServerConnection(ServerTarget address, @Nullable TickscopeServer embedded) {
        this.address = address;
        this.embedded = embedded;
    }

    /** Connects to a server that runs elsewhere, or to its replicas. */
    public static ServerConnection remote(ServerTarget address) {
        return new ServerConnection(requireNonNull(address, "address"), null);
    }

    /**
     * Starts a server on a free loopback port over {@code dataDirectory}, its market moving {@code tickRate}
     * prices per second, and returns once it serves.
     */
    public static ServerConnection embedded(Path dataDirectory, int tickRate) {
        TickscopeServer server = TickscopeServer.start(new ServerSettings(
                        "127.0.0.1",
                        0,
                        dataDirectory,
                        tickRate,
                        ServerSettings.DEFAULT_SEED,
                        ServerSettings.DEFAULT_SHUTDOWN_TIMEOUT,
                        SecuritySettings.none(),
                        EMBEDDED_LIMITS)
                .withHistoryRetention(EMBEDDED_HISTORY_RETENTION));
        return new ServerConnection(ServerTarget.of(new ServerAddress("127.0.0.1", server.port())), server);
    }

    /** Where the server listens: one address, or the replicas the channel balances over. */
    public ServerTarget address() {
        return address;
    }

    /** Returns whether this monitor started the server itself. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
