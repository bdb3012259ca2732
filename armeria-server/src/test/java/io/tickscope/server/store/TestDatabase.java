package io.tickscope.server.store;

import io.tickscope.server.testing.FreshPostgresDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One database made for one test, empty until {@link #open} migrates and seeds it at a fixed time; it also reads
 * the tables directly, over a connection of its own, to check what the stores wrote. Closing it closes whatever
 * was opened on it and drops it.
 */
abstract sealed class TestDatabase implements AutoCloseable {

    private final List<Database> opened = new ArrayList<>();

    static final Instant SEED_TIME = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock SEEDING_CLOCK = Clock.fixed(SEED_TIME, ZoneOffset.UTC);

    /** Opens the database through {@link Database}, seeding it from {@code seed} at {@link #SEED_TIME} if empty. */
    final Database open(long seed) {
        Database database = openDatabase(seed);
        opened.add(database);
        return database;
    }

    /** Closes every {@link Database} opened on it (closing one twice does nothing), then drops it. */
    @Override
    public final void close() {
        try {
            opened.forEach(Database::close);
        } finally {
            drop();
        }
    }

    abstract Database openDatabase(long seed);

    abstract void drop();

    /** Returns the names of the catalogue's tables, without Flyway's history (it records when migrations ran). */
    abstract List<String> tableNames();

    abstract Jdbi jdbi();

    /**
     * Returns every row of every catalogue table, in primary key order. Whole numbers read as {@code Long}, so
     * the two engines' integer types compare equal.
     */
    final Map<String, List<Map<String, Object>>> catalogueTables() {
        return jdbi().withHandle(handle -> {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (String table : tableNames()) {
                tables.put(
                        table,
                        handle.createQuery("SELECT * FROM " + table + " ORDER BY 1, 2")
                                .mapToMap()
                                .map(TestDatabase::withLongs)
                                .list());
            }
            return tables;
        });
    }

    /** Returns how many rows {@code table} holds. */
    final long rowCount(String table) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    private static Map<String, Object> withLongs(Map<String, Object> row) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        row.forEach((column, value) -> normalized.put(
                column,
                value instanceof Integer || value instanceof Short || value instanceof Long
                        ? ((Number) value).longValue()
                        : value));
        return normalized;
    }

    /** A SQLite file in a data directory of its own. */
    static final class Sqlite extends TestDatabase {

        private final Path dataDirectory;

        Sqlite(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        Path dataDirectory() {
            return dataDirectory;
        }

        @Override
        Database openDatabase(long seed) {
            return Database.open(dataDirectory, seed, SEEDING_CLOCK);
        }

        @Override
        List<String> tableNames() {
            return jdbi().withHandle(handle -> handle.createQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            + " AND name NOT LIKE 'sqlite%' AND name <> 'flyway_schema_history' ORDER BY name")
                    .mapTo(String.class)
                    .list());
        }

        @Override
        Jdbi jdbi() {
            return Jdbi.create("jdbc:sqlite:" + dataDirectory.resolve(Database.FILE_NAME));
        }

        @Override
        void drop() {
            // The caller's temporary directory goes with the file.
        }
    }

    /** A database of its own on the machine's PostgreSQL, dropped on close. */
    static final class Postgres extends TestDatabase {

        private final FreshPostgresDatabase database;

        Postgres(FreshPostgresDatabase database) {
            this.database = database;
        }

        @Override
        Database openDatabase(long seed) {
            return Database.openPostgres(database.url(), seed, SEEDING_CLOCK);
        }

        @Override
        List<String> tableNames() {
            return jdbi().withHandle(handle -> handle.createQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'"
                            + " ORDER BY table_name")
                    .mapTo(String.class)
                    .list());
        }

        @Override
        Jdbi jdbi() {
            return Jdbi.create(database.url());
        }

        @Override
        void drop() {
            database.close();
        }
    }
}
