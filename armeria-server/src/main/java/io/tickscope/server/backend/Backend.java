package io.tickscope.server.backend;

import io.tickscope.server.cluster.ClusterNode;
import io.tickscope.server.cluster.ClusterSettings;
import io.tickscope.server.pricing.HistoryWriter;
import io.tickscope.server.pricing.MarketSimulator;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceBus;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.recommendation.Catalogue;
import io.tickscope.server.recommendation.Recommender;
import io.tickscope.server.store.Database;
import io.tickscope.server.user.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything the services stand on: the database, the price book with its bus and market, and the book
 * catalogue with its recommender. Opening it reads the catalogue into memory (creating and seeding the
 * database on first start); the market runs only after {@link #startMarket()}.
 *
 * <p>As a cluster's replica, the book records its changes in the cluster's NATS stream and replays the changes
 * of the other replicas, and the market moves only while this replica holds the cluster's market lease.
 */
public final class Backend implements AutoCloseable {

    /** How long price history is kept unless the server is told otherwise ({@code --history-retention}). */
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(1);

    /** The retention that keeps no history at all ({@code --history off}): no price change is stored. */
    public static final Duration NO_HISTORY = Duration.ZERO;

    private final Database database;
    private final PriceBook priceBook;
    private final MarketSimulator market;
    private final Catalogue catalogue;
    private final Recommender recommender;
    private final int tickRate;
    private final @Nullable ClusterNode cluster;
    /** Null when the server stores no history. */
    private final @Nullable HistoryWriter historyWriter;

    private final PriceHistory priceHistory;

    private Backend(
            Database database,
            PriceBook priceBook,
            MarketSimulator market,
            Catalogue catalogue,
            int tickRate,
            @Nullable ClusterNode cluster,
            @Nullable HistoryWriter historyWriter) {
        this.database = database;
        this.historyWriter = historyWriter;
        this.priceHistory = historyWriter == null
                ? PriceHistory.off(priceBook, database.priceHistoryStore())
                : PriceHistory.of(priceBook, database.priceHistoryStore(), historyWriter);
        this.tickRate = tickRate;
        this.cluster = cluster;
        this.priceBook = priceBook;
        this.market = market;
        this.catalogue = catalogue;
        this.recommender = new Recommender(catalogue);
    }

    /**
     * Opens the database in {@code dataDirectory} (seeded from {@code seed} on first start) and loads the
     * domain; the market will move {@code tickRate} prices per second once started.
     */
    public static Backend open(Path dataDirectory, long seed, int tickRate, Clock clock) {
        return open(Database.open(dataDirectory, seed), seed, tickRate, clock, null);
    }

    /**
     * Loads the domain from {@code database}, which the backend then owns and closes, and keeps its catalogue in
     * step with ratings other servers store in the same database; the market will move {@code tickRate} prices
     * per second once started. Unless {@code cluster} is null, the backend is a replica of that cluster: it joins
     * the cluster's NATS and replays its price stream before it returns, and its market runs only while it holds
     * the cluster's market lease.
     */
    public static Backend open(
            Database database, long seed, int tickRate, Clock clock, @Nullable ClusterSettings cluster) {
        return open(database, seed, tickRate, clock, cluster, DEFAULT_HISTORY_RETENTION);
    }

    /**
     * Opens the backend as {@link #open(Database, long, int, Clock, ClusterSettings)} does, keeping {@code
     * historyRetention} of price history, or none at all with {@link #NO_HISTORY}: then no change is stored and
     * history's reads answer {@link io.tickscope.server.pricing.HistoryOffException}.
     *
     * <p>Which changes this server stores: all it applies when the database is its own (SQLite), so its history
     * is complete; only those it made itself when replicas share the database (PostgreSQL), so each change is
     * stored exactly once, by the replica that made it (the market's holder, or the replica a feeder called).
     */
    public static Backend open(
            Database database,
            long seed,
            int tickRate,
            Clock clock,
            @Nullable ClusterSettings cluster,
            Duration historyRetention) {
        @Nullable ClusterNode node = null;
        try {
            PriceBook priceBook;
            if (cluster == null) {
                priceBook = PriceBook.load(database.productStore(), clock);
            } else {
                node = ClusterNode.join(cluster);
                priceBook = PriceBook.load(database.productStore(), clock, node.journal());
            }
            // A replica's market starts paused: the market lease sets its rate.
            MarketSimulator market = new MarketSimulator(priceBook, seed, node == null ? tickRate : 0);
            Catalogue catalogue = Catalogue.load(database.bookStore());
            database.followBooksChangedElsewhere(catalogue::update);
            @Nullable HistoryWriter historyWriter = null;
            if (!historyRetention.equals(NO_HISTORY)) {
                historyWriter = new HistoryWriter(
                        database.priceHistoryStore(),
                        priceBook.incarnation(),
                        !database.isShared(),
                        historyRetention,
                        clock);
                priceBook.recordChangesIn(historyWriter);
                historyWriter.start();
            }
            return new Backend(database, priceBook, market, catalogue, tickRate, node, historyWriter);
        } catch (RuntimeException e) {
            if (node != null) {
                node.close();
            }
            database.close();
            throw e;
        }
    }

    /** Starts moving prices at the configured rate; a cluster's replica starts competing for the market. */
    public void startMarket() {
        market.start();
        if (cluster != null) {
            cluster.electMarket(market::setChangesPerSecond, tickRate);
        }
    }

    /**
     * Calls {@code listener} with {@link #isServing()} whenever it changes, on any thread; never for a server
     * alone, which always serves.
     */
    public void onServingChange(Consumer<Boolean> listener) {
        if (cluster != null) {
            cluster.onServingChange(listener);
        }
    }

    /** Returns whether this backend is a replica of a cluster. */
    public boolean isReplica() {
        return cluster != null;
    }

    /**
     * Returns whether the backend can serve: always alone; as a cluster's replica, while it is connected to the
     * cluster's NATS.
     */
    public boolean isServing() {
        return cluster == null || cluster.isServing();
    }

    public PriceBook priceBook() {
        return priceBook;
    }

    public PriceBus priceBus() {
        return priceBook.bus();
    }

    /** Returns the stored price history, for queries and replays. */
    public PriceHistory priceHistory() {
        return priceHistory;
    }

    /** Returns the writer of price history, for its backlog and losses in metrics; empty when none is stored. */
    public Optional<HistoryWriter> historyWriter() {
        return Optional.ofNullable(historyWriter);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Recommender recommender() {
        return recommender;
    }

    public ProductStore productStore() {
        return database.productStore();
    }

    public BookStore bookStore() {
        return database.bookStore();
    }

    public UserStore userStore() {
        return database.userStore();
    }

    /**
     * Tells {@code watcher} whether the database can serve now, then each time that changes: while it cannot, the
     * server's health is NOT_SERVING.
     */
    public void watchStoreReachability(Consumer<Boolean> watcher) {
        database.watchReachability(watcher);
    }

    /** Stops the market, leaves the cluster and closes the database. */
    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
        market.close();
        if (historyWriter != null) {
            historyWriter.close();
        }
        database.close();
    }
}
