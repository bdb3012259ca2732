package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

/**
 * One thing a user did with one book, as the client sent it: {@link RecommendationSession#apply} validates it,
 * so that a bad action is answered with the contract's field names. {@code stars} counts only for
 * {@link UserActionType#RATED}.
 */
public record UserAction(String bookId, UserActionType type, int stars) {

    public UserAction {
        requireNonNull(bookId, "bookId");
        requireNonNull(type, "type");
    }
}
