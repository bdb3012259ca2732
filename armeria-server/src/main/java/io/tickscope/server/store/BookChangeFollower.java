package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.recommendation.Book;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one server of the books whose ratings any server sharing its PostgreSQL database changed, so that its
 * in-memory catalogue follows theirs; and tells whether that database is reachable at all.
 *
 * <p>Every transaction that changes ratings sends the changed book ids with {@code NOTIFY} (see {@link
 * Vendor#announceChangedBooks}), which PostgreSQL delivers when it commits. One thread holds a connection of its
 * own that LISTENs, reloads the announced books and hands them on, within milliseconds of the commit. Each time it
 * (re)connects it first hands on every book, for whatever it missed while it was not listening; the receiver keeps
 * the newer of two states by their ratings version, so a late or repeated state does no harm.
 *
 * <p>The connection doubles as the health probe: it is checked at least every {@value #HEARTBEAT_MILLIS} ms,
 * and while it is down the follower reports the database unreachable and retries every {@value #RETRY_MILLIS} ms.
 */
final class BookChangeFollower implements AutoCloseable {

    static final int HEARTBEAT_MILLIS = 500;
    private static final int RETRY_MILLIS = 500;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private static final Logger logger = LoggerFactory.getLogger(BookChangeFollower.class);

    private final DataSource listenerSource;
    private final JdbcBookStore books;
    private final Consumer<? super List<Book>> onBooksChanged;
    private final Consumer<Boolean> onListeningChanged;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean closed;

    /**
     * Starts following: {@code listenerSource} gives the listening connection (one outside any pool, since it is
     * held for good), {@code books} reloads what changed, {@code onBooksChanged} receives it and {@code
     * onListeningChanged} learns each time the follower starts or stops listening, both on the follower's thread.
     */
    BookChangeFollower(
            DataSource listenerSource,
            JdbcBookStore books,
            Consumer<? super List<Book>> onBooksChanged,
            Consumer<Boolean> onListeningChanged) {
        this.listenerSource = requireNonNull(listenerSource, "listenerSource");
        this.books = requireNonNull(books, "books");
        this.onBooksChanged = requireNonNull(onBooksChanged, "onBooksChanged");
        this.onListeningChanged = requireNonNull(onListeningChanged, "onListeningChanged");
        thread = new Thread(this::run, "tickscope-book-changes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns whether the follower is connected and listening: the database answers and changes arrive. */
    boolean isListening() {
        return listening;
    }

    /** Waits at most {@code timeout} for the first connection; returns whether the follower is listening. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && listening;
    }

    /** Stops following; returns once the thread has ended, within about {@value #HEARTBEAT_MILLIS} ms. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            try (Connection connection = listenerSource.getConnection()) {
                follow(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (listening) {
                    logger.warn("Lost the database; NOT_SERVING until it answers again: {}", e.toString());
                    listening = false;
                    onListeningChanged.accept(false);
                }
            }
            pause();
        }
    }

    private void follow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + Vendor.BOOKS_CHANGED_CHANNEL);
        }
        onBooksChanged.accept(books.loadBooks());
        if (!listening) {
            logger.info("Following book changes in the database; SERVING");
            listening = true;
            onListeningChanged.accept(true);
        }
        firstListen.countDown();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (!closed) {
            PGNotification[] received = notifications.getNotifications(HEARTBEAT_MILLIS);
            if (received == null || received.length == 0) {
                if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                continue;
            }
            Set<String> bookIds = new TreeSet<>();
            for (PGNotification notification : received) {
                bookIds.addAll(List.of(notification.getParameter().split(",")));
            }
            onBooksChanged.accept(books.loadBooks(bookIds));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            // close() interrupts: the loop checks closed next.
        }
    }
}
