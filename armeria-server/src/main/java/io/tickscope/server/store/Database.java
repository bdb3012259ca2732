package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.tickscope.server.pricing.PriceHistoryStore;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.user.UserStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database behind the stores: by default the embedded SQLite file under a data directory; with
 * {@code --database}, a PostgreSQL database that several servers (a cluster's replicas) can share. Either is opened through a small connection pool, migrated to
 * the newest schema, and seeded with a deterministic catalogue the first time. Its stores block: call them from a
 * blocking executor, never from an event loop.
 */
public final class Database implements AutoCloseable {

    /** The name of the database file inside the data directory. */
    static final String FILE_NAME = "tickscope.db";

    /** What a PostgreSQL URL must start with. */
    public static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql://";

    private static final Logger logger = LoggerFactory.getLogger(Database.class);

    // SQLite lets one connection write at a time; a few more let readers run beside that writer (WAL mode).
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    // PostgreSQL runs transactions side by side, so calls on the blocking executor each get a connection up to
    // this many; a call beyond waits for one. Three replicas stay far below the server's default 100 connections.
    private static final int POSTGRESQL_POOL_SIZE = 8;
    // While PostgreSQL is away a call fails after this long, with health already NOT_SERVING, instead of hanging.
    private static final Duration POSTGRESQL_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final int POSTGRESQL_CONNECT_TIMEOUT_SECONDS = 3;
    // How long opening waits for the first LISTEN, so that a server normally starts SERVING.
    private static final Duration FIRST_LISTEN_TIMEOUT = Duration.ofSeconds(10);

    private final Vendor vendor;
    private final HikariDataSource dataSource;
    private final @Nullable DataSource listenerSource;
    private final JdbcProductStore productStore;
    private final JdbcBookStore bookStore;
    private final JdbcUserStore userStore;
    private final JdbcPriceHistoryStore priceHistoryStore;
    private final List<Consumer<Boolean>> reachabilityWatchers = new ArrayList<>();
    private volatile @Nullable BookChangeFollower follower;

    private Database(Vendor vendor, HikariDataSource dataSource, @Nullable DataSource listenerSource, Jdbi jdbi) {
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.listenerSource = listenerSource;
        productStore = new JdbcProductStore(jdbi);
        bookStore = new JdbcBookStore(jdbi, vendor);
        userStore = new JdbcUserStore(jdbi);
        priceHistoryStore = new JdbcPriceHistoryStore(jdbi, vendor);
    }

    /**
     * Opens the database in {@code dataDirectory}, creating the directory and the file if needed, and seeds an
     * empty database from {@code seed} with the system clock's present as the seeding time.
     */
    public static Database open(Path dataDirectory, long seed) {
        return open(dataDirectory, seed, Clock.systemUTC());
    }

    /**
     * Opens the database in {@code dataDirectory}, creating the directory and the file if needed, migrates it to
     * the newest schema, and seeds it from {@code seed} if it has never been seeded; sales in the seeded
     * catalogue end hours after {@code seedingClock}'s present. An existing database keeps its data whatever
     * {@code seed} is.
     */
    public static Database open(Path dataDirectory, long seed, Clock seedingClock) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(seedingClock, "seedingClock");
        Path file = createDirectories(dataDirectory).resolve(FILE_NAME);
        return open(Vendor.SQLITE, newSqlitePool(file), null, file.toString(), seed, seedingClock);
    }

    /**
     * Opens the PostgreSQL database at {@code jdbcUrl} (such as {@code
     * jdbc:postgresql://db.example:5432/tickscope?user=tickscope}), migrates it and seeds it from {@code seed} if
     * it has never been seeded, as {@link #open(Path, long, Clock)} does. Servers may open one database at the same
     * time: one migrates and seeds while the others wait for it.
     *
     * @throws IllegalArgumentException when {@code jdbcUrl} is not a PostgreSQL URL
     */
    public static Database openPostgres(String jdbcUrl, long seed, Clock seedingClock) {
        requireNonNull(seedingClock, "seedingClock");
        checkPostgresUrl(jdbcUrl);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(jdbcUrl);
        postgres.setConnectTimeout(POSTGRESQL_CONNECT_TIMEOUT_SECONDS);
        postgres.setApplicationName("tickscope");
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tickscope-db");
        pool.setDataSource(postgres);
        pool.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(POSTGRESQL_CONNECTION_TIMEOUT.toMillis());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(
                    "cannot connect to the database at " + locationOf(jdbcUrl) + ": "
                            + (cause != null ? cause : e).getMessage()
                            + " (expected: a running PostgreSQL that accepts this URL's user)",
                    e);
        }
        return open(Vendor.POSTGRESQL, dataSource, postgres, locationOf(jdbcUrl), seed, seedingClock);
    }

    /**
     * Returns where the database of {@code jdbcUrl} is, for logs and people: the URL without its query string,
     * which may carry a password.
     */
    public static String locationOf(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /**
     * Checks that {@code jdbcUrl} names a PostgreSQL database, or throws an {@link IllegalArgumentException}
     * saying what is expected.
     */
    public static void checkPostgresUrl(String jdbcUrl) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(POSTGRESQL_URL_PREFIX)) {
            throw new IllegalArgumentException("database URL: " + jdbcUrl + " (expected: " + POSTGRESQL_URL_PREFIX
                    + "HOST:PORT/DATABASE?user=NAME)");
        }
    }

    private static Database open(
            Vendor vendor,
            HikariDataSource dataSource,
            @Nullable DataSource listenerSource,
            String described,
            long seed,
            Clock seedingClock) {
        long startNanos = System.nanoTime();
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(vendor.migrationLocation())
                    // A build that lost its migrations must not start on an empty schema.
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            Jdbi jdbi = Jdbi.create(dataSource);
            CatalogueSeeder seeder = new CatalogueSeeder(seed, seedingClock.instant());
            boolean seeded = jdbi.inTransaction(handle -> {
                vendor.lockForSeeding(handle);
                return seeder.seedIfUnseeded(handle);
            });
            logger.info(
                    "Opened {} in {} ms ({})",
                    described,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    seeded ? "seeded from seed " + seed : "already seeded");
            return new Database(vendor, dataSource, listenerSource, jdbi);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Starts handing {@code onBooksChanged} the books whose ratings other servers sharing this database change,
     * as stored after each change, on a thread of its own; at most once. Returns once it follows, or after {@link
     * #FIRST_LISTEN_TIMEOUT} with the database unreachable. The embedded database has no other server, so there
     * it does nothing.
     */
    public void followBooksChangedElsewhere(Consumer<? super List<Book>> onBooksChanged) {
        requireNonNull(onBooksChanged, "onBooksChanged");
        BookChangeFollower started;
        synchronized (this) {
            if (follower != null) {
                throw new IllegalStateException("already following book changes");
            }
            if (listenerSource == null) {
                return;
            }
            started = new BookChangeFollower(listenerSource, bookStore, onBooksChanged, this::reachabilityChanged);
            follower = started;
        }
        try {
            if (!started.awaitListening(FIRST_LISTEN_TIMEOUT)) {
                logger.warn("Not following book changes yet: the database does not answer; NOT_SERVING until it does");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns whether the database can serve now. The embedded file always can; a shared PostgreSQL database can
     * while the server's listening connection to it is up, which is checked twice a second.
     */
    public boolean isReachable() {
        if (vendor == Vendor.SQLITE) {
            return true;
        }
        BookChangeFollower current = follower;
        return current != null && current.isListening();
    }

    /**
     * Tells {@code watcher} whether the database is reachable now, then each time that changes, on the thread that
     * noticed; watchers are told in order and never concurrently.
     */
    public void watchReachability(Consumer<Boolean> watcher) {
        requireNonNull(watcher, "watcher");
        synchronized (reachabilityWatchers) {
            reachabilityWatchers.add(watcher);
            watcher.accept(isReachable());
        }
    }

    private void reachabilityChanged(boolean reachable) {
        synchronized (reachabilityWatchers) {
            reachabilityWatchers.forEach(watcher -> watcher.accept(reachable));
        }
    }

    /** Returns the store of product listings, exchange rates and segment discounts. */
    public ProductStore productStore() {
        return productStore;
    }

    /** Returns the store of books and their ratings. */
    public BookStore bookStore() {
        return bookStore;
    }

    /** Returns the store of users. */
    public PriceHistoryStore priceHistoryStore() {
        return priceHistoryStore;
    }

    /** Returns whether other servers may share this database (PostgreSQL), rather than it being this one's own. */
    public boolean isShared() {
        return vendor == Vendor.POSTGRESQL;
    }

    public UserStore userStore() {
        return userStore;
    }

    /** Closes every connection; SQLite folds the write-ahead log into the database file as the last one goes. */
    @Override
    public void close() {
        BookChangeFollower current = follower;
        if (current != null) {
            current.close();
        }
        dataSource.close();
    }

    private static Path createDirectories(Path dataDirectory) {
        try {
            return Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
    }

    private static HikariDataSource newSqlitePool(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL with synchronous=FULL: every commit is on disk before it returns, and readers never block the writer.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // A transaction takes the write lock when it begins, so two writers queue on busy_timeout instead of
        // failing when a reading transaction tries to become a writing one.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tickscope-db");
        pool.setDataSource(sqliteDataSource);
        pool.setMaximumPoolSize(SQLITE_POOL_SIZE);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }
}
