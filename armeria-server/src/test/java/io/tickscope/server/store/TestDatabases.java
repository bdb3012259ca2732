package io.tickscope.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Opens real database files in test directories, seeded at a fixed time, and reads their tables directly. */
final class TestDatabases {

    static final Instant SEED_TIME = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock SEEDING_CLOCK = Clock.fixed(SEED_TIME, ZoneOffset.UTC);

    private TestDatabases() {}

    /** Opens the database in {@code dataDirectory}, seeding it from {@code seed} at {@link #SEED_TIME}. */
    static Database open(Path dataDirectory, long seed) {
        return Database.open(dataDirectory, seed, SEEDING_CLOCK);
    }

    /**
     * Returns every row of every catalogue table in {@code dataDirectory}'s database, in primary key order, read
     * over a connection of its own. Flyway's history is left out: it records when each migration ran.
     */
    static Map<String, List<Map<String, Object>>> catalogueTables(Path dataDirectory) {
        return jdbi(dataDirectory).withHandle(handle -> {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (String table : handle.createQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            + " AND name NOT LIKE 'sqlite%' AND name <> 'flyway_schema_history' ORDER BY name")
                    .mapTo(String.class)
                    .list()) {
                tables.put(
                        table,
                        handle.createQuery("SELECT * FROM " + table + " ORDER BY 1, 2")
                                .mapToMap()
                                .list());
            }
            return tables;
        });
    }

    /** Returns how many rows {@code table} of {@code dataDirectory}'s database holds. */
    static long rowCount(Path dataDirectory, String table) {
        return jdbi(dataDirectory).withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    private static Jdbi jdbi(Path dataDirectory) {
        return Jdbi.create("jdbc:sqlite:" + dataDirectory.resolve(Database.FILE_NAME));
    }
}
