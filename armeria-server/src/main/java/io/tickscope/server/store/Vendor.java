package io.tickscope.server.store;

import com.google.common.collect.Lists;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the two databases the stores run on: where their migrations live and how a transaction
 * keeps other writers out. The stores' queries are the same SQL on both.
 *
 * <p>SQLite is one file in one process and every transaction takes its write lock when it begins (IMMEDIATE), so
 * writers never overlap and nothing more is needed. PostgreSQL is shared by several servers whose transactions do
 * overlap: seeding takes an advisory lock, a change of ratings locks the books it touches, and every commit that
 * changes books announces them to the other servers (see {@link BookChangeFollower}).
 */
enum Vendor {
    SQLITE {
        @Override
        void lockForSeeding(Handle handle) {}

        @Override
        void lockBooks(Handle handle, List<String> sortedBookIds) {}

        @Override
        void announceChangedBooks(Handle handle, List<String> bookIds) {}

        @Override
        void lockPriceHistory(Handle handle) {}
    },

    POSTGRESQL {
        @Override
        void lockForSeeding(Handle handle) {
            // Held until the transaction ends: a second server starting at the same time waits here, then finds
            // the catalogue_seed row the first one committed.
            handle.execute("SELECT pg_advisory_xact_lock(?)", SEEDING_LOCK_KEY);
        }

        @Override
        void lockBooks(Handle handle, List<String> sortedBookIds) {
            // Always in book id order, so two transactions that share books cannot deadlock on them.
            for (List<String> chunk : Lists.partition(sortedBookIds, MAX_IDS_PER_STATEMENT)) {
                handle.createQuery(
                                "SELECT book_id FROM books WHERE book_id IN (<bookIds>) ORDER BY book_id FOR NO KEY UPDATE")
                        .bindList("bookIds", chunk)
                        .mapTo(String.class)
                        .list();
            }
        }

        @Override
        void announceChangedBooks(Handle handle, List<String> bookIds) {
            // NOTIFY is transactional: listeners hear it only once this transaction commits, and never if it
            // rolls back. A payload is at most 8000 bytes; book ids are a few characters each.
            for (List<String> chunk : Lists.partition(bookIds, MAX_IDS_PER_NOTIFICATION)) {
                handle.execute("SELECT pg_notify(?, ?)", BOOKS_CHANGED_CHANNEL, String.join(",", chunk));
            }
        }

        @Override
        void lockPriceHistory(Handle handle) {
            // Replicas sharing the database each store the changes they made, and two may merge ticks into the
            // same minute bar: one history writer at a time, for the length of one batch's transaction.
            handle.execute("SELECT pg_advisory_xact_lock(?)", PRICE_HISTORY_LOCK_KEY);
        }
    };

    /** The channel on which PostgreSQL announces the ids of books whose ratings a commit changed. */
    static final String BOOKS_CHANGED_CHANNEL = "tickscope_books_changed";

    /** Far below SQLite's limit on bound parameters in one statement. */
    static final int MAX_IDS_PER_STATEMENT = 500;

    private static final int MAX_IDS_PER_NOTIFICATION = 200;

    // Any constant unique to this use of advisory locks in the database: "tick" in ASCII.
    private static final long SEEDING_LOCK_KEY = 0x7469636bL;
    // "hist" in ASCII.
    private static final long PRICE_HISTORY_LOCK_KEY = 0x68697374L;

    /** Returns where this vendor's Flyway migrations live: one history, written in each vendor's dialect. */
    String migrationLocation() {
        return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
    }

    /** Within the transaction of {@code handle}, waits until no other server is seeding the database. */
    abstract void lockForSeeding(Handle handle);

    /** Within the transaction of {@code handle}, keeps other transactions from changing ratings of these books. */
    abstract void lockBooks(Handle handle, List<String> sortedBookIds);

    /** Within the transaction of {@code handle}, waits until no other server writes price history. */
    abstract void lockPriceHistory(Handle handle);

    /** Within the transaction of {@code handle}, announces on commit that these books' ratings changed. */
    abstract void announceChangedBooks(Handle handle, List<String> bookIds);
}
