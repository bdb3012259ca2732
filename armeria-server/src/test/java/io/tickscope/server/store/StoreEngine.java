package io.tickscope.server.store;

import io.tickscope.server.testing.FreshPostgresDatabase;
import java.nio.file.Path;

/**
 * The engines every store test runs on: each test class is a {@code @ParameterizedClass} over this enum, so each
 * of its tests runs once on the embedded SQLite file and once on PostgreSQL.
 */
enum StoreEngine {
    SQLITE {
        @Override
        TestDatabase create(Path temporaryDirectory) {
            return new TestDatabase.Sqlite(temporaryDirectory);
        }
    },
    POSTGRESQL {
        @Override
        TestDatabase create(Path temporaryDirectory) {
            return new TestDatabase.Postgres(FreshPostgresDatabase.create());
        }
    };

    /**
     * Returns a new, empty database of this engine, using {@code temporaryDirectory} (which the caller deletes)
     * for any file; closing it drops the database.
     */
    abstract TestDatabase create(Path temporaryDirectory);
}
