package io.tickscope.server;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import io.tickscope.server.cluster.ClusterSettings;
import io.tickscope.server.limits.RateLimit;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.AdminAccess;
import io.tickscope.server.security.SecuritySettings;
import io.tickscope.server.security.TlsFiles;
import io.tickscope.server.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The headless server's command line: parses the flags, starts the server and waits for SIGTERM. */
@Command(
        name = "tickscope-server",
        mixinStandardHelpOptions = true,
        versionProvider = TickscopeVersion.class,
        sortOptions = false,
        description = {
            "Runs the Tickscope server headless: pricing, recommendation and user services over gRPC, gRPC-Web"
                    + " and JSON/REST on one port, with the DocService console at /docs.",
            "Prints one READY line with its URLs once it serves, and stops gracefully on SIGTERM or Ctrl-C."
        })
final class ServerCommand implements Callable<Integer> {

    // Each option's default is its field's initial value, taken from the settings records, and --help shows it
    // (${DEFAULT-VALUE}): the records are the one place that says what a server runs with unless told otherwise.
    private static final ServerLimits DEFAULT_LIMITS = ServerLimits.defaults();

    /**
     * A replica's drain: grpc-java's health check hears NOT_SERVING within milliseconds (it is pushed on a Watch
     * stream), so 2 s leaves room for a busy client and for the unary calls already sent to finish.
     */
    static final Duration DEFAULT_REPLICA_DRAIN_PERIOD = Duration.ofSeconds(2);

    @Spec
    private @Nullable CommandSpec spec;

    @Option(
            names = "--host",
            description = "Address to listen on; 127.0.0.1 for loopback only (default: ${DEFAULT-VALUE}).")
    private String host = ServerSettings.DEFAULT_HOST;

    @Option(
            names = {"-p", "--port"},
            description = "TCP port for gRPC, gRPC-Web, JSON/REST and /docs; 0 picks a free one"
                    + " (default: ${DEFAULT-VALUE}).")
    private int port = ServerSettings.DEFAULT_PORT;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Directory of the database; created and seeded on first start"
                    + " (default: $XDG_DATA_HOME/tickscope or ~/.local/share/tickscope).")
    private @Nullable Path dataDirectory;

    @Option(
            names = "--database",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL database that several servers share, as jdbc:postgresql://HOST:PORT/DB?user=NAME"
                    + " (default: the embedded SQLite file under --data-dir).")
    private @Nullable String databaseUrl;

    @Option(
            names = "--tick-rate",
            paramLabel = "PER_SECOND",
            description = "Simulated price changes per second across the catalogue; 0 stops the market"
                    + " (default: ${DEFAULT-VALUE}).")
    private int tickRate = ServerSettings.DEFAULT_TICK_RATE;

    @Option(
            names = "--seed",
            description = "Seed of the catalogue created on first start and of the market (default: ${DEFAULT-VALUE}).")
    private long seed = ServerSettings.DEFAULT_SEED;

    @Option(
            names = "--shutdown-timeout",
            paramLabel = "DURATION",
            description =
                    "How long a stop waits for in-flight calls, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    private Duration shutdownTimeout = ServerSettings.DEFAULT_SHUTDOWN_TIMEOUT;

    @Option(
            names = "--history",
            paramLabel = "on|off",
            description = "Whether to store every price change as history (ticks and bars for GetPriceHistory,"
                    + " GetPriceBars and WatchPrices' replay_since); off stores nothing, and those calls answer"
                    + " FAILED_PRECONDITION (default: on).")
    private String history = "on";

    @Option(
            names = "--history-retention",
            paramLabel = "DURATION",
            description = "How long price history (every price change, and the minute bars made of them) is kept"
                    + " before a job deletes it, as an ISO-8601 duration (default: P1D); not with --history off.")
    private @Nullable Duration historyRetention;

    @Option(
            names = "--drain-period",
            paramLabel = "DURATION",
            description = "On SIGTERM or Ctrl-C, how long the server says NOT_SERVING in gRPC health while it still"
                    + " serves, before it stops: clients balancing over replicas move to the others first, as an"
                    + " ISO-8601 duration (default: PT2S with --broker, PT0S alone).")
    private @Nullable Duration drainPeriod;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Server certificate chain (PEM, the server's certificate first); with --tls-key the port"
                    + " speaks TLS only. Renewed files are picked up without a restart.")
    private @Nullable Path tlsCertificate;

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description = "Private key of --tls-cert (unencrypted PKCS#8 PEM, BEGIN PRIVATE KEY).")
    private @Nullable Path tlsKey;

    @Option(
            names = "--tls-client-ca",
            paramLabel = "PEM",
            description = "Certificate authorities of client certificates: every client must present a certificate"
                    + " signed by one of them (mutual TLS). Needs --tls-cert.")
    private @Nullable Path tlsClientCa;

    @Option(
            names = "--tokens-file",
            paramLabel = "FILE",
            description = "Bearer tokens and their roles (reader, publisher, admin), one 'NAME SHA256 ROLES' line"
                    + " each, re-read every 2 s while the server runs; without it every method is open (development).")
    private @Nullable Path tokensFile;

    @Option(
            names = "--admin-access",
            paramLabel = "WHO",
            converter = AdminAccessConverter.class,
            description = "Who may open /docs, /internal/metrics and server reflection: loopback (open to loopback"
                    + " peers, an admin token from elsewhere), admin (an admin token always) or closed"
                    + " (default: ${DEFAULT-VALUE}).")
    private AdminAccess adminAccess = SecuritySettings.none().adminAccess();

    @Option(
            names = "--rate-limit",
            paramLabel = "CALLS_PER_SECOND",
            description = "Calls each client (IP address) may start per second, in bursts of as many; past it a call"
                    + " fails with RESOURCE_EXHAUSTED. 0 turns the limit off (default: ${DEFAULT-VALUE}).")
    private long rateLimit = RateLimit.HEADLESS_CALLS_PER_SECOND;

    @Option(
            names = "--max-connections",
            description = "Open connections across all clients (default: ${DEFAULT-VALUE}).")
    private int maxConnections = DEFAULT_LIMITS.maxConnections();

    @Option(
            names = "--max-connection-age",
            paramLabel = "DURATION",
            description = "Age at which a connection is asked to go away (GOAWAY) so that clients reconnect and"
                    + " spread; PT0S keeps connections (default: ${DEFAULT-VALUE}).")
    private Duration maxConnectionAge = DEFAULT_LIMITS.maxConnectionAge();

    @Option(
            names = "--max-connection-age-grace",
            paramLabel = "DURATION",
            description = "How long calls still running on a connection past its age (5 s after the GOAWAY) may go"
                    + " on before the connection is closed under them and their clients reconnect"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration maxConnectionAgeGrace = DEFAULT_LIMITS.connectionAgeGrace();

    @Option(
            names = "--max-client-deadline",
            paramLabel = "DURATION",
            description = "Longest deadline a unary call gets; a longer grpc-timeout is clamped to it"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration maxClientDeadline = DEFAULT_LIMITS.maxClientDeadline();

    @Option(
            names = "--broker",
            paramLabel = "NATS_URL",
            description = "Run as one replica of a cluster: every price change goes through this NATS JetStream"
                    + " (nats://host:4222; several comma-separated), feeding every replica, and one market runs"
                    + " in the cluster. Without it the server runs alone, its prices in process.")
    private @Nullable String broker;

    @Option(
            names = "--cluster-name",
            paramLabel = "NAME",
            description = "With --broker: names the cluster's stream, subjects and market lease, so that clusters"
                    + " share one NATS without meeting; letters, digits, '-' and '_' (default: ${DEFAULT-VALUE}).")
    private String clusterName = ClusterSettings.DEFAULT_CLUSTER_NAME;

    @Option(
            names = "--replica-id",
            paramLabel = "ID",
            description = "With --broker: this replica's name in the market lease and its market events"
                    + " (default: host name and process id).")
    private @Nullable String replicaId;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        Duration drain = drainPeriod(settings);
        long startNanos = System.nanoTime();
        TickscopeServer server = TickscopeServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: this one stops gracefully before the JVM exits (code 143 or 130).
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.drainAndClose(drain);
                            stopped.countDown();
                        },
                        "tickscope-shutdown"));
        PrintWriter out = requireNonNull(spec, "spec").commandLine().getOut();
        out.println(ReadyLine.of(server, settings, Duration.ofNanos(System.nanoTime() - startNanos)));
        out.flush();
        stopped.await();
        return 0;
    }

    ServerSettings settings() {
        ServerSettings settings = new ServerSettings(
                host,
                port,
                dataDirectory != null ? dataDirectory : ServerSettings.defaultDataDirectory(),
                tickRate,
                seed,
                shutdownTimeout,
                securitySettings(),
                DEFAULT_LIMITS.toBuilder()
                        .rateLimit(RateLimit.perSecond(rateLimit))
                        .maxConnections(maxConnections)
                        .maxConnectionAge(maxConnectionAge)
                        .connectionAgeGrace(maxConnectionAgeGrace)
                        .maxClientDeadline(maxClientDeadline)
                        .build());
        settings = withHistoryFlags(settings);
        String checkedUrl = checkedDatabaseUrl();
        if (checkedUrl != null) {
            settings = settings.withDatabaseUrl(checkedUrl);
        }
        ClusterSettings cluster = clusterSettings();
        return cluster == null ? settings : settings.withCluster(cluster);
    }

    /** Returns {@code settings} with the history that {@code --history} and {@code --history-retention} ask for. */
    private ServerSettings withHistoryFlags(ServerSettings settings) {
        Duration retention = historyRetention;
        switch (history) {
            case "on" -> {
                if (retention == null) {
                    return settings;
                }
                if (retention.isNegative() || retention.isZero()) {
                    throw badFlags("--history-retention: " + retention + " (expected: a positive duration, such as P7D;"
                            + " --history off stores none)");
                }
                return settings.withHistoryRetention(retention);
            }
            case "off" -> {
                if (retention != null) {
                    throw badFlags("--history-retention: " + retention
                            + " (expected: not set with --history off, which stores no history to keep)");
                }
                return settings.withoutHistory();
            }
            default -> throw badFlags("--history: " + history + " (expected: on or off)");
        }
    }

    /** Returns {@code --drain-period}, or the default: a replica drains, a server alone has nobody to drain to. */
    Duration drainPeriod(ServerSettings settings) {
        if (drainPeriod == null) {
            return settings.cluster() == null ? Duration.ZERO : DEFAULT_REPLICA_DRAIN_PERIOD;
        }
        if (drainPeriod.isNegative()) {
            throw badFlags("--drain-period: " + drainPeriod + " (expected: PT0S or longer, such as PT2S)");
        }
        return drainPeriod;
    }

    @Nullable
    ClusterSettings clusterSettings() {
        if (broker == null) {
            if (replicaId != null || !ClusterSettings.DEFAULT_CLUSTER_NAME.equals(clusterName)) {
                throw badFlags("--cluster-name and --replica-id: given without --broker (expected: with --broker)");
            }
            return null;
        }
        try {
            return new ClusterSettings(
                    broker, clusterName, replicaId != null ? replicaId : ClusterSettings.defaultReplicaId());
        } catch (IllegalArgumentException e) {
            throw badFlags(requireNonNullElse(e.getMessage(), "--broker: " + broker));
        }
    }

    SecuritySettings securitySettings() {
        SecuritySettings security = SecuritySettings.none().withAdminAccess(adminAccess);
        if (tokensFile != null) {
            security = security.withTokensFile(tokensFile);
        }
        if (tlsCertificate == null && tlsKey == null) {
            if (tlsClientCa != null) {
                throw badFlags("--tls-client-ca: " + tlsClientCa + " (expected: with --tls-cert and --tls-key)");
            }
            return security;
        }
        if (tlsCertificate == null || tlsKey == null) {
            throw badFlags("--tls-cert and --tls-key: only one given (expected: both, or neither for plaintext)");
        }
        TlsFiles files = TlsFiles.of(tlsCertificate, tlsKey);
        return security.withTls(tlsClientCa == null ? files : files.withClientCa(tlsClientCa));
    }

    private @Nullable String checkedDatabaseUrl() {
        if (databaseUrl != null && !databaseUrl.startsWith(Database.POSTGRESQL_URL_PREFIX)) {
            throw badFlags("--database: " + databaseUrl + " (expected: " + Database.POSTGRESQL_URL_PREFIX
                    + "HOST:PORT/DATABASE?user=NAME)");
        }
        return databaseUrl;
    }

    private CommandLine.ParameterException badFlags(String message) {
        return new CommandLine.ParameterException(requireNonNull(spec, "spec").commandLine(), message);
    }

    /** Reads {@code --admin-access} as written in the help: loopback, admin or closed. */
    static final class AdminAccessConverter implements CommandLine.ITypeConverter<AdminAccess> {
        @Override
        public AdminAccess convert(String value) {
            for (AdminAccess access : AdminAccess.values()) {
                if (access.label().equals(value)) {
                    return access;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' (expected: loopback, admin or closed)");
        }
    }
}
