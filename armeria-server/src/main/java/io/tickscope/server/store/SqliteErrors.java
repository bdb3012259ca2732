package io.tickscope.server.store;

import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises SQLite's errors under the exceptions Jdbi and JDBC wrap them in. */
final class SqliteErrors {

    private SqliteErrors() {}

    /** Returns whether {@code failure} or one of its causes is SQLite refusing a row for a foreign key. */
    static boolean isForeignKeyViolation(Throwable failure) {
        for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite
                    && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                return true;
            }
        }
        return false;
    }
}
