package io.tickscope.server.store;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises a refused foreign key under the exceptions Jdbi and JDBC wrap it in, from SQLite or PostgreSQL. */
final class ConstraintErrors {

    /** The SQLSTATE of a foreign key violation (class 23, integrity constraint violation). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private ConstraintErrors() {}

    /** Returns whether {@code failure} or one of its causes is the database refusing a row for a foreign key. */
    static boolean isForeignKeyViolation(Throwable failure) {
        for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SQLite's driver sets no SQLSTATE: its own result code tells.
            if (cause instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                return true;
            }
            if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
