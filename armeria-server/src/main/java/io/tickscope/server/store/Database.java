package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.user.UserStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database under a data directory: opened through a small connection pool, migrated to
 * the newest schema, and seeded with a deterministic catalogue the first time. Its stores block: call them
 * from a blocking executor, never from an event loop.
 */
public final class Database implements AutoCloseable {

    /** The name of the database file inside the data directory. */
    static final String FILE_NAME = "tickscope.db";

    private static final Logger logger = LoggerFactory.getLogger(Database.class);

    // SQLite lets one connection write at a time; a few more let readers run beside that writer (WAL mode).
    private static final int POOL_SIZE = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource dataSource;
    private final SqliteProductStore productStore;
    private final SqliteBookStore bookStore;
    private final SqliteUserStore userStore;

    private Database(HikariDataSource dataSource, Jdbi jdbi) {
        this.dataSource = dataSource;
        productStore = new SqliteProductStore(jdbi);
        bookStore = new SqliteBookStore(jdbi);
        userStore = new SqliteUserStore(jdbi);
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
        long startNanos = System.nanoTime();
        Path file = createDirectories(dataDirectory).resolve(FILE_NAME);
        HikariDataSource dataSource = newPool(file);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    // A build that lost its migrations must not start on an empty schema.
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            Jdbi jdbi = Jdbi.create(dataSource);
            CatalogueSeeder seeder = new CatalogueSeeder(seed, seedingClock.instant());
            boolean seeded = jdbi.inTransaction(seeder::seedIfUnseeded);
            logger.info(
                    "Opened {} in {} ms ({})",
                    file,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    seeded ? "seeded from seed " + seed : "already seeded");
            return new Database(dataSource, jdbi);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
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
    public UserStore userStore() {
        return userStore;
    }

    /** Closes every connection; SQLite folds the write-ahead log into the database file as the last one goes. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static Path createDirectories(Path dataDirectory) {
        try {
            return Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
    }

    private static HikariDataSource newPool(Path file) {
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
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }
}
