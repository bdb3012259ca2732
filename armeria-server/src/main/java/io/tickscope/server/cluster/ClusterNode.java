package io.tickscope.server.cluster;

import static java.util.Objects.requireNonNull;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.tickscope.server.pricing.PriceJournal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's membership of its cluster: the NATS connection, the price journal on the cluster's stream and
 * the market lease. Serving follows the connection: while NATS is away the replica can neither record a change
 * nor hear of one, so it reports itself not serving; the client reconnects by itself, and serving resumes.
 */
public final class ClusterNode implements AutoCloseable {

    /** How long one JetStream call (a publish, a lease renewal) may wait for NATS. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration RECONNECT_WAIT = Duration.ofMillis(250);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger logger = LoggerFactory.getLogger(ClusterNode.class);

    private final ClusterSettings settings;
    private final Connection connection;
    private final JetStreamPriceJournal journal;
    private final MarketLease marketLease;
    private final ConnectionState connectionState;
    private final MarketRate marketRate = new MarketRate();

    private ClusterNode(
            ClusterSettings settings,
            Connection connection,
            ConnectionState connectionState,
            KeyValue leaseBucket,
            long incarnation)
            throws IOException {
        this.settings = settings;
        this.connection = connection;
        this.connectionState = connectionState;
        marketLease = new MarketLease(leaseBucket, settings.replicaId(), marketRate);
        JetStreamOptions jetStreamOptions =
                JetStreamOptions.builder().requestTimeout(REQUEST_TIMEOUT).build();
        journal = new JetStreamPriceJournal(
                settings,
                connection,
                connection.jetStream(jetStreamOptions),
                connection.jetStreamManagement(jetStreamOptions),
                marketLease,
                incarnation);
    }

    /**
     * Connects to the cluster's NATS, creating its price stream and lease bucket when they do not exist yet.
     *
     * @throws IllegalStateException with the reason when NATS cannot be reached or refuses
     */
    public static ClusterNode join(ClusterSettings settings) {
        requireNonNull(settings, "settings");
        ConnectionState state = new ConnectionState();
        Connection connection;
        try {
            connection = Nats.connect(Options.builder()
                    .servers(settings.broker().split(","))
                    .connectionName("tickscope " + settings.replicaId())
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .maxReconnects(-1)
                    .reconnectWait(RECONNECT_WAIT)
                    // Nothing is queued while disconnected: a change is stored now or refused now, never later,
                    // when another replica may hold the market.
                    .reconnectBufferSize(0)
                    .connectionListener(state)
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "broker " + settings.broker() + ": cannot connect: " + e.getMessage()
                            + " (expected: a NATS server with JetStream enabled, nats-server -js)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + settings.broker(), e);
        }
        try {
            JetStreamManagement management = connection.jetStreamManagement(
                    JetStreamOptions.builder().requestTimeout(CONNECT_TIMEOUT).build());
            long incarnation = PriceStream.incarnation(PriceStream.ensure(management, settings));
            KeyValue leaseBucket = leaseBucket(connection, settings);
            ClusterNode node = new ClusterNode(settings, connection, state, leaseBucket, incarnation);
            logger.info(
                    "Replica {} joined cluster {} on {} (price stream {}, incarnation {})",
                    settings.replicaId(),
                    settings.clusterName(),
                    settings.broker(),
                    settings.priceStream(),
                    incarnation);
            return node;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException(
                    "broker " + settings.broker() + ": cannot set up cluster \"" + settings.clusterName() + "\": "
                            + e.getMessage() + " (expected: JetStream enabled, nats-server -js)",
                    e);
        }
    }

    private static KeyValue leaseBucket(Connection connection, ClusterSettings settings)
            throws IOException, JetStreamApiException {
        KeyValueOptions options = KeyValueOptions.builder()
                .jetStreamOptions(JetStreamOptions.builder()
                        .requestTimeout(REQUEST_TIMEOUT)
                        .build())
                .build();
        KeyValueManagement management = connection.keyValueManagement(options);
        try {
            management.getStatus(settings.leaseBucket());
        } catch (JetStreamApiException notFound) {
            management.create(KeyValueConfiguration.builder()
                    .name(settings.leaseBucket())
                    .description("Tickscope cluster \"" + settings.clusterName() + "\": who runs the market")
                    .maxHistoryPerKey(1)
                    .ttl(MarketLease.TTL)
                    .storageType(StorageType.File)
                    .build());
        }
        return connection.keyValue(settings.leaseBucket(), options);
    }

    /** Returns the journal that records this replica's price changes in the cluster's stream. */
    public PriceJournal journal() {
        return journal;
    }

    /**
     * Starts competing for the cluster's market: while this replica holds the lease, {@code setRate} gets
     * {@code changesPerSecond}; when it loses the lease (or closes), 0.
     */
    public void electMarket(IntConsumer setRate, int changesPerSecond) {
        marketRate.configure(setRate, changesPerSecond);
        marketLease.start();
    }

    /** Returns whether this replica runs the market now. */
    public boolean holdsMarket() {
        return marketLease.term() != 0;
    }

    /** Returns whether the replica can serve: connected to NATS. */
    public boolean isServing() {
        return connectionState.up && connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Calls {@code listener} with whether the replica can serve whenever that changes, on a NATS thread. */
    public void onServingChange(Consumer<Boolean> listener) {
        connectionState.listeners.add(requireNonNull(listener, "listener"));
    }

    /** Returns the replica id this node writes into its market events. */
    public String replicaId() {
        return settings.replicaId();
    }

    /** Returns the NATS connection, for tests that cut it as a failing network would. */
    Connection connection() {
        return connection;
    }

    /** Hands the market lease back, stops the replay and closes the connection. */
    @Override
    public void close() {
        marketLease.close();
        journal.close();
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turns the lease into the market's rate. */
    private static final class MarketRate implements MarketLease.Listener {

        private volatile IntConsumer setRate = rate -> {};
        private volatile int changesPerSecond;

        void configure(IntConsumer setRate, int changesPerSecond) {
            this.setRate = requireNonNull(setRate, "setRate");
            this.changesPerSecond = changesPerSecond;
        }

        @Override
        public void acquired(long term) {
            setRate.accept(changesPerSecond);
        }

        @Override
        public void lost(long term) {
            setRate.accept(0);
        }
    }

    /** Follows the connection's events, for the replica's health. */
    private static final class ConnectionState implements ConnectionListener {

        volatile boolean up = true;
        final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

        /** Not called: jnats calls the four-argument method, which this class overrides. */
        @Deprecated
        @Override
        public void connectionEvent(Connection connection, Events event) {
            connectionEvent(connection, event, null, null);
        }

        @Override
        public void connectionEvent(
                Connection connection, Events event, @Nullable Long time, @Nullable String uriDetails) {
            switch (event) {
                case DISCONNECTED, CLOSED -> {
                    logger.warn("NATS connection: {}; the replica reports NOT_SERVING until it is back", event);
                    changeTo(false);
                }
                case CONNECTED, RECONNECTED -> {
                    logger.info("NATS connection: {}", event);
                    changeTo(true);
                }
                default -> logger.debug("NATS connection: {}", event);
            }
        }

        private void changeTo(boolean serving) {
            up = serving;
            listeners.forEach(listener -> listener.accept(serving));
        }
    }
}
