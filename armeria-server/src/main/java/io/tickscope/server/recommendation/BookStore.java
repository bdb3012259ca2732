package io.tickscope.server.recommendation;

import java.util.List;
import java.util.Map;

/**
 * Where books and ratings are kept. Implementations block: call them from a blocking executor, never from
 * an event loop.
 */
public interface BookStore {

    /** Returns every book with the aggregate of its stored ratings, in book id order. */
    List<Book> loadBooks();

    /**
     * Stores {@code ratings} durably in one transaction before returning; a user's rating of a book replaces
     * the one stored before. Returns the books whose aggregates changed, as stored after the transaction.
     */
    List<Book> saveRatings(List<Rating> ratings);

    /**
     * Stores uploaded {@code ratings} in order in one transaction, each keyed one together with its idempotency
     * key, as {@link #saveRatings} does; a rating whose key is already stored, by an earlier transaction or
     * earlier in {@code ratings}, is a replay: it stores nothing. Returns what changed.
     */
    SavedUpload saveUploadedRatings(List<UploadedRating> ratings);

    /**
     * What one {@link #saveUploadedRatings} transaction did.
     *
     * @param changedBooks the books whose aggregates changed, as stored after the transaction
     * @param replayCount how many ratings were replays of an already stored key, and so stored nothing
     */
    record SavedUpload(List<Book> changedBooks, int replayCount) {

        public SavedUpload {
            changedBooks = List.copyOf(changedBooks);
        }
    }

    /** Returns the stars {@code userId} gave, by book id. */
    Map<String, Integer> loadRatingsBy(String userId);
}
