package io.tickscope.server.recommendation;

/** What a user did with a book during a recommendation session. */
public enum UserActionType {
    /** The action was not set; sessions reject it. */
    UNSPECIFIED,
    /** The user opened the book's page. */
    VIEWED,
    /** The user liked the book. */
    LIKED,
    /** The user rated the book; the action says how many stars. */
    RATED,
    /** The user put the book in the cart, so it is no longer recommended. */
    ADDED_TO_CART,
    /** The user dismissed the book, so it is no longer recommended. */
    DISMISSED
}
