package io.tickscope.server;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.backend.Backend;
import io.tickscope.server.cluster.ClusterSettings;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.SecuritySettings;
import io.tickscope.server.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to run one Tickscope server: where it listens, where it keeps its data and how busy its market is.
 *
 * @param host the address to listen on; "0.0.0.0" for every interface, "127.0.0.1" for loopback only
 * @param port the TCP port; 0 picks a free one
 * @param dataDirectory where the database file lives; created on first start
 * @param tickRate market price changes per second across the catalogue; 0 stops the market
 * @param seed the seed of the catalogue and the market, so that runs are reproducible
 * @param shutdownTimeout how long a stop waits for in-flight calls before it cuts them
 * @param security TLS, bearer tokens and who may open the admin surfaces
 * @param limits the limits on connections, messages, deadlines and call rates
 * @param databaseUrl the JDBC URL of a PostgreSQL database that several servers share, or null for the
 *     embedded SQLite file under {@code dataDirectory}
 * @param cluster the cluster this server is a replica of (price changes through NATS JetStream, one market
 *     elected among the replicas); null for a server alone, with its prices in process
 * @param historyRetention how long price history (ticks and minute bars) is kept before it is pruned; {@link
 *     #NO_HISTORY} keeps none: the server stores no price change ({@code --history off})
 */
public record ServerSettings(
        String host,
        int port,
        Path dataDirectory,
        int tickRate,
        long seed,
        Duration shutdownTimeout,
        SecuritySettings security,
        ServerLimits limits,
        @Nullable String databaseUrl,
        @Nullable ClusterSettings cluster,
        Duration historyRetention) {

    /** Every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_TICK_RATE = 1_000;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** A day: at the default tick rate that is about 86 million ticks (see docs/architecture.md, "History"). */
    public static final Duration DEFAULT_HISTORY_RETENTION = Backend.DEFAULT_HISTORY_RETENTION;
    /** The retention of a server that stores no price history. */
    public static final Duration NO_HISTORY = Backend.NO_HISTORY;

    public ServerSettings {
        requireNonNull(host, "host");
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(shutdownTimeout, "shutdownTimeout");
        requireNonNull(security, "security");
        requireNonNull(limits, "limits");
        requireNonNull(historyRetention, "historyRetention");
        if (historyRetention.isNegative()) {
            throw new IllegalArgumentException(
                    "historyRetention: " + historyRetention + " (expected: > 0, or NO_HISTORY to store none)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
        }
        if (tickRate < 0 || tickRate > 1_000_000) {
            throw new IllegalArgumentException("tickRate: " + tickRate + " (expected: 0 to 1000000)");
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout: " + shutdownTimeout + " (expected: >= 0)");
        }
        if (databaseUrl != null) {
            Database.checkPostgresUrl(databaseUrl);
        }
    }

    /** Settings with the default retention of price history. */
    public ServerSettings(
            String host,
            int port,
            Path dataDirectory,
            int tickRate,
            long seed,
            Duration shutdownTimeout,
            SecuritySettings security,
            ServerLimits limits,
            @Nullable String databaseUrl,
            @Nullable ClusterSettings cluster) {
        this(
                host,
                port,
                dataDirectory,
                tickRate,
                seed,
                shutdownTimeout,
                security,
                limits,
                databaseUrl,
                cluster,
                DEFAULT_HISTORY_RETENTION);
    }

    /** Settings of a server alone, not a cluster's replica, with its data in the embedded SQLite file. */
    public ServerSettings(
            String host,
            int port,
            Path dataDirectory,
            int tickRate,
            long seed,
            Duration shutdownTimeout,
            SecuritySettings security,
            ServerLimits limits) {
        this(host, port, dataDirectory, tickRate, seed, shutdownTimeout, security, limits, null, null);
    }

    /** Returns these settings with the data in the PostgreSQL database at {@code jdbcUrl} instead. */
    public ServerSettings withDatabaseUrl(String jdbcUrl) {
        return new ServerSettings(
                host,
                port,
                dataDirectory,
                tickRate,
                seed,
                shutdownTimeout,
                security,
                limits,
                requireNonNull(jdbcUrl, "jdbcUrl"),
                cluster,
                historyRetention);
    }

    /** Returns these settings for a replica of {@code cluster}. */
    public ServerSettings withCluster(ClusterSettings cluster) {
        return new ServerSettings(
                host,
                port,
                dataDirectory,
                tickRate,
                seed,
                shutdownTimeout,
                security,
                limits,
                databaseUrl,
                requireNonNull(cluster, "cluster"),
                historyRetention);
    }

    /** Returns whether the server stores price history. */
    public boolean storesHistory() {
        return !historyRetention.equals(NO_HISTORY);
    }

    /** Returns these settings storing no price history at all. */
    public ServerSettings withoutHistory() {
        return withHistoryRetention(NO_HISTORY);
    }

    /** Returns these settings keeping {@code retention} of price history ({@link #NO_HISTORY}: none). */
    public ServerSettings withHistoryRetention(Duration retention) {
        return new ServerSettings(
                host,
                port,
                dataDirectory,
                tickRate,
                seed,
                shutdownTimeout,
                security,
                limits,
                databaseUrl,
                cluster,
                retention);
    }

    /**
     * Settings without TLS or tokens, admin surfaces open on loopback and {@link ServerLimits#defaults() the
     * default limits}: development and the embedded server.
     */
    public ServerSettings(
            String host, int port, Path dataDirectory, int tickRate, long seed, Duration shutdownTimeout) {
        this(
                host,
                port,
                dataDirectory,
                tickRate,
                seed,
                shutdownTimeout,
                SecuritySettings.none(),
                ServerLimits.defaults());
    }

    /**
     * Returns the directory where data lives by default: {@code $XDG_DATA_HOME/tickscope}, or
     * {@code ~/.local/share/tickscope} when XDG_DATA_HOME is not set.
     */
    public static Path defaultDataDirectory() {
        String xdgDataHome = System.getenv("XDG_DATA_HOME");
        Path base = xdgDataHome == null || xdgDataHome.isBlank()
                ? Path.of(System.getProperty("user.home"), ".local", "share")
                : Path.of(xdgDataHome);
        return base.resolve("tickscope");
    }
}
