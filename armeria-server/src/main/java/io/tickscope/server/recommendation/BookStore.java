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

    /** Returns the stars {@code userId} gave, by book id. */
    Map<String, Integer> loadRatingsBy(String userId);
}
