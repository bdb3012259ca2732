package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Lists;
import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookCategory;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.recommendation.Rating;
import io.tickscope.server.recommendation.UploadedRating;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Books and ratings in SQLite or PostgreSQL. A book's rating count and sum are computed from its stored ratings by
 * query, so they are right after any mix of new and replaced ratings; its ratings version counts the transactions
 * that changed them.
 *
 * <p>Every rating must name a stored user and a stored book. Callers validate ratings first; should one slip
 * through, the schema's foreign keys refuse it, the whole batch rolls back, and {@link #saveRatings} throws an
 * {@link IllegalArgumentException} naming the first rating at fault. Nothing is stored in that case.
 */
final class JdbcBookStore implements BookStore {

    private static final String SELECT_BOOKS = "SELECT b.book_id, b.title, b.author, b.category, b.description,"
            + " b.ratings_version, count(r.stars) AS rating_count, coalesce(sum(r.stars), 0) AS rating_sum"
            + " FROM books b LEFT JOIN ratings r ON r.book_id = b.book_id";
    private static final String BY_BOOK = " GROUP BY b.book_id ORDER BY b.book_id";

    // The WHERE clause makes re-stating the stored stars a no-op that changes no row, so the update counts tell
    // exactly which ratings changed a book's aggregate. (PostgreSQL needs the column qualified there.)
    private static final String UPSERT_RATING = "INSERT INTO ratings (user_id, book_id, stars) VALUES (?, ?, ?)"
            + " ON CONFLICT (user_id, book_id) DO UPDATE SET stars = excluded.stars"
            + " WHERE ratings.stars <> excluded.stars";

    private static final String BUMP_VERSIONS =
            "UPDATE books SET ratings_version = ratings_version + 1 WHERE book_id IN (<bookIds>)";

    // A key already stored inserts no row: its rating is a replay.
    private static final String INSERT_KEY = "INSERT INTO rating_idempotency_keys (idempotency_key, user_id, book_id,"
            + " stars) VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";

    private static final String USER_EXISTS = "SELECT EXISTS (SELECT 1 FROM users WHERE user_id = ?)";
    private static final String BOOK_EXISTS = "SELECT EXISTS (SELECT 1 FROM books WHERE book_id = ?)";

    private final Jdbi jdbi;
    private final Vendor vendor;

    JdbcBookStore(Jdbi jdbi, Vendor vendor) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.vendor = requireNonNull(vendor, "vendor");
    }

    @Override
    public List<Book> loadBooks() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_BOOKS + BY_BOOK)
                .map(JdbcBookStore::bookOf)
                .list());
    }

    @Override
    public List<Book> saveRatings(List<Rating> ratings) {
        requireNonNull(ratings, "ratings");
        if (ratings.isEmpty()) {
            return List.of();
        }
        try {
            return jdbi.inTransaction(handle -> storeRatings(handle, vendor, ratings));
        } catch (UnableToExecuteStatementException e) {
            if (ConstraintErrors.isForeignKeyViolation(e)) {
                throw unknownReferenceIn(ratings, e);
            }
            throw e;
        }
    }

    @Override
    public SavedUpload saveUploadedRatings(List<UploadedRating> uploaded) {
        requireNonNull(uploaded, "uploaded");
        if (uploaded.isEmpty()) {
            return new SavedUpload(List.of(), 0);
        }
        List<Rating> ratings = uploaded.stream().map(UploadedRating::rating).toList();
        try {
            return jdbi.inTransaction(handle -> {
                // The keys go first, in order: a key inserted earlier in this list makes a later use of it a replay.
                PreparedBatch keys = handle.prepareBatch(INSERT_KEY);
                for (UploadedRating rating : uploaded) {
                    String key = rating.idempotencyKey();
                    if (key != null) {
                        Rating r = rating.rating();
                        keys.add(key, r.userId(), r.bookId(), r.stars());
                    }
                }
                int[] insertedKeys = keys.size() == 0 ? new int[0] : keys.execute();
                List<Rating> fresh = new ArrayList<>(uploaded.size());
                int keyIndex = 0;
                for (UploadedRating rating : uploaded) {
                    if (!rating.isKeyed() || insertedKeys[keyIndex++] > 0) {
                        fresh.add(rating.rating());
                    }
                }
                return new SavedUpload(storeRatings(handle, vendor, fresh), uploaded.size() - fresh.size());
            });
        } catch (UnableToExecuteStatementException e) {
            if (ConstraintErrors.isForeignKeyViolation(e)) {
                throw unknownReferenceIn(ratings, e);
            }
            throw e;
        }
    }

    @Override
    public Map<String, Integer> loadRatingsBy(String userId) {
        requireNonNull(userId, "userId");
        Map<String, Integer> starsByBookId = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT book_id, stars FROM ratings WHERE user_id = ? ORDER BY book_id")
                .bind(0, userId)
                .map((row, context) -> Map.entry(row.getString("book_id"), row.getInt("stars")))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (first, duplicate) -> first, LinkedHashMap::new)));
        return Collections.unmodifiableMap(starsByBookId);
    }

    /**
     * Inserts {@code books} within the transaction of {@code handle}. Their rating aggregates are not stored:
     * they are computed from the ratings.
     */
    static void insertBooks(Handle handle, Collection<Book> books) {
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO books (book_id, title, author, category, description) VALUES (?, ?, ?, ?, ?)");
        for (Book book : books) {
            batch.add(
                    book.bookId(), book.title(), book.author(), book.category().name(), book.description());
        }
        batch.execute();
    }

    /**
     * Inserts or replaces {@code ratings} in order within the transaction of {@code handle}, and returns for each
     * rating how many rows it changed: 0 when it re-states the stars already stored.
     */
    static int[] upsertRatings(Handle handle, List<Rating> ratings) {
        PreparedBatch batch = handle.prepareBatch(UPSERT_RATING);
        for (Rating rating : ratings) {
            batch.add(rating.userId(), rating.bookId(), rating.stars());
        }
        return batch.execute();
    }

    /**
     * Returns the books with these ids as stored now, in id order, skipping ids that name no book. Blocks: a
     * server calls it to learn of changes other servers made.
     */
    List<Book> loadBooks(Collection<String> bookIds) {
        List<String> sorted = List.copyOf(new TreeSet<>(bookIds));
        return jdbi.withHandle(handle -> loadBooks(handle, sorted));
    }

    /**
     * Upserts {@code ratings} within the transaction of {@code handle}, counts one more change of each book whose
     * aggregate changed, and returns those books as the transaction leaves them.
     */
    private static List<Book> storeRatings(Handle handle, Vendor vendor, List<Rating> ratings) {
        if (ratings.isEmpty()) {
            return List.of();
        }
        vendor.lockBooks(
                handle,
                List.copyOf(new TreeSet<>(ratings.stream().map(Rating::bookId).toList())));
        int[] changedRows = upsertRatings(handle, ratings);
        SortedSet<String> changedBookIds = new TreeSet<>();
        for (int i = 0; i < changedRows.length; i++) {
            if (changedRows[i] > 0) {
                changedBookIds.add(ratings.get(i).bookId());
            }
        }
        List<String> changed = List.copyOf(changedBookIds);
        for (List<String> chunk : Lists.partition(changed, Vendor.MAX_IDS_PER_STATEMENT)) {
            handle.createUpdate(BUMP_VERSIONS).bindList("bookIds", chunk).execute();
        }
        vendor.announceChangedBooks(handle, changed);
        // This transaction holds the books (SQLite: its write lock; PostgreSQL: their row locks), so no other
        // transaction changes their ratings before it commits: what it reads now is what it commits.
        return loadBooks(handle, changed);
    }

    private static List<Book> loadBooks(Handle handle, List<String> sortedBookIds) {
        List<Book> books = new ArrayList<>(sortedBookIds.size());
        for (List<String> chunk : Lists.partition(sortedBookIds, Vendor.MAX_IDS_PER_STATEMENT)) {
            books.addAll(handle.createQuery(SELECT_BOOKS + " WHERE b.book_id IN (<bookIds>)" + BY_BOOK)
                    .bindList("bookIds", chunk)
                    .map(JdbcBookStore::bookOf)
                    .list());
        }
        return books;
    }

    private IllegalArgumentException unknownReferenceIn(List<Rating> ratings, Exception cause) {
        String fault = jdbi.withHandle(handle -> {
            for (int i = 0; i < ratings.size(); i++) {
                Rating rating = ratings.get(i);
                if (!exists(handle, USER_EXISTS, rating.userId())) {
                    return "ratings[" + i + "].userId: \"" + rating.userId() + "\" (expected: a stored user id)";
                }
                if (!exists(handle, BOOK_EXISTS, rating.bookId())) {
                    return "ratings[" + i + "].bookId: \"" + rating.bookId() + "\" (expected: a stored book id)";
                }
            }
            return "ratings: one names a user or book that is not stored (expected: stored ids)";
        });
        return new IllegalArgumentException(fault + "; no rating of the batch was stored", cause);
    }

    private static boolean exists(Handle handle, String existsQuery, String id) {
        return handle.createQuery(existsQuery).bind(0, id).mapTo(Boolean.class).one();
    }

    private static Book bookOf(ResultSet row, StatementContext context) throws SQLException {
        return new Book(
                row.getString("book_id"),
                row.getString("title"),
                row.getString("author"),
                BookCategory.valueOf(row.getString("category")),
                row.getString("description"),
                row.getLong("rating_count"),
                row.getLong("rating_sum"),
                row.getLong("ratings_version"));
    }
}
