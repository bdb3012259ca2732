package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

/**
 * One title of the catalogue with the aggregate of its stored ratings.
 *
 * @param ratingsVersion how many stored transactions have changed the book's ratings: of two states of one
 *     book, the one with the larger version is the newer
 */
public record Book(
        String bookId,
        String title,
        String author,
        BookCategory category,
        String description,
        long ratingCount,
        long ratingSum,
        long ratingsVersion) {

    public Book {
        requireNonNull(bookId, "bookId");
        requireNonNull(title, "title");
        requireNonNull(author, "author");
        requireNonNull(category, "category");
        requireNonNull(description, "description");
        if (ratingCount < 0 || ratingSum < ratingCount || ratingSum > 5 * ratingCount) {
            throw new IllegalArgumentException("ratings of " + bookId + ": count " + ratingCount + ", sum " + ratingSum
                    + " (expected: each rating 1 to 5)");
        }
        if (ratingsVersion < 0) {
            throw new IllegalArgumentException(
                    "ratingsVersion of " + bookId + ": " + ratingsVersion + " (expected: >= 0)");
        }
    }

    /** Returns the mean rating from 1.0 to 5.0, or 0 when the book has no rating. */
    public double averageRating() {
        return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
    }
}
