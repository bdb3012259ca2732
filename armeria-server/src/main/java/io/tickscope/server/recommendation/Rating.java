package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

/** One user's rating of one book, from 1 to 5 stars. */
public record Rating(String userId, String bookId, int stars) {

    public Rating {
        requireNonNull(userId, "userId");
        requireNonNull(bookId, "bookId");
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars: " + stars + " (expected: 1 to 5)");
        }
    }
}
