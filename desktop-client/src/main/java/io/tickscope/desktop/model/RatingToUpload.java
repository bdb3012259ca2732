package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

/**
 * One rating to send: the server checks that the user and book exist and the stars are 1 to 5.
 *
 * @param userId for example "U0042"
 * @param bookId for example "B0042"
 * @param stars the rating
 */
public record RatingToUpload(String userId, String bookId, int stars) {

    public RatingToUpload {
        requireNonNull(userId, "userId");
        requireNonNull(bookId, "bookId");
    }
}
