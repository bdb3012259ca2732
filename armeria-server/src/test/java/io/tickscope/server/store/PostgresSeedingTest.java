package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.testing.FreshPostgresDatabase;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a shared PostgreSQL database can meet: servers opening it at once, and the same seed as SQLite. */
class PostgresSeedingTest {

    private static final int REPLICAS = 3;

    @TempDir
    Path temporary;

    @Test
    void threeServersOpeningOneEmptyDatabaseAtOnceMigrateAndSeedItOnce() throws Exception {
        try (TestDatabase testDatabase = StoreEngine.POSTGRESQL.create(temporary)) {
            CyclicBarrier start = new CyclicBarrier(REPLICAS);
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            List<Future<Database>> opened = new ArrayList<>();
            try {
                for (int i = 0; i < REPLICAS; i++) {
                    opened.add(replicas.submit(() -> {
                        start.await();
                        return testDatabase.open(9);
                    }));
                }
                for (Future<Database> database : opened) {
                    try (Database open = database.get(2, TimeUnit.MINUTES)) {
                        assertThat(open.bookStore().loadBooks()).hasSize(2_000);
                    }
                }
            } finally {
                replicas.shutdownNow();
            }
            assertThat(testDatabase.rowCount("catalogue_seed")).isEqualTo(1);
            assertThat(testDatabase.rowCount("products")).isEqualTo(10_000);
            assertThat(testDatabase.rowCount("users")).isEqualTo(1_000);
            assertThat(testDatabase.rowCount("ratings")).isEqualTo(20_000);
            List<String> appliedVersions = testDatabase.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT version FROM flyway_schema_history WHERE success")
                    .mapTo(String.class)
                    .list());
            assertThat(appliedVersions)
                    .as("each migration applied once")
                    .doesNotHaveDuplicates()
                    .hasSize(postgresqlMigrations());
        }
    }

    /** Counts the PostgreSQL migrations the server ships, so that a new one needs no change here. */
    private static int postgresqlMigrations() throws Exception {
        URL migrations = requireNonNull(
                PostgresSeedingTest.class.getClassLoader().getResource("db/migration/postgresql"), "migrations");
        try (Stream<Path> files = Files.list(Path.of(migrations.toURI()))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }

    @Test
    void postgresqlIsSeededRowForRowAsSqlite() {
        try (TestDatabase sqlite = StoreEngine.SQLITE.create(temporary);
                TestDatabase postgres = new TestDatabase.Postgres(FreshPostgresDatabase.create())) {
            sqlite.open(2026).close();
            postgres.open(2026).close();

            assertThat(postgres.catalogueTables()).isEqualTo(sqlite.catalogueTables());
        }
    }
}
