package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One live recommendation session: a user's actions come in, and new recommendations go out whenever the
 * actions change them. The profile lives only as long as the session: a RATED action here shapes the
 * recommendations but is not stored as a rating.
 *
 * <p>Not thread-safe: the messages of one stream arrive one at a time, so each session is driven by one
 * caller at a time, which must hand it between threads with a happens-before edge (an executor does).
 */
public final class RecommendationSession {

    private final Recommender recommender;
    private final Catalogue catalogue;
    private final TasteProfile profile;
    private final @Nullable BookCategory category;
    private final int maxResults;
    private List<Recommendation> current;
    private long actionsApplied;

    /**
     * Opens a session for the user whose taste is {@code profile}, recommending at most {@code maxResults}
     * books from {@code category}, or from every category when it is null.
     *
     * @throws IllegalArgumentException when {@code maxResults} is not between 1 and {@link
     *     Recommender#MAX_RESULTS_LIMIT}
     */
    public RecommendationSession(
            Recommender recommender,
            Catalogue catalogue,
            TasteProfile profile,
            @Nullable BookCategory category,
            int maxResults) {
        this.recommender = requireNonNull(recommender, "recommender");
        this.catalogue = requireNonNull(catalogue, "catalogue");
        this.profile = requireNonNull(profile, "profile");
        this.category = category;
        this.maxResults = maxResults;
        current = recommender.recommend(profile, category, maxResults);
    }

    /** Returns the recommendations as of the last applied action, best first. */
    public List<Recommendation> current() {
        return current;
    }

    /** Returns how many actions this session has applied; rejected actions do not count. */
    public long actionsApplied() {
        return actionsApplied;
    }

    /**
     * Applies {@code action} to the user's profile and returns the new recommendations, or empty when they are
     * exactly as before (same books, order, scores and reasons), so the stream sends only what is new.
     *
     * @throws InvalidArgumentException when the action's type is unspecified, its book id is empty, or it is a
     *     rating without 1 to 5 stars; the session is unchanged
     * @throws NotFoundException when the catalogue has no such book; the session is unchanged
     */
    public Optional<List<Recommendation>> apply(UserAction action) {
        Book book = validate(action);
        switch (action.type()) {
            case VIEWED -> profile.viewed(book);
            case LIKED -> profile.liked(book);
            case RATED -> profile.rated(book, action.stars());
            case ADDED_TO_CART -> profile.addedToCart(book);
            case DISMISSED -> profile.dismissed(book);
            case UNSPECIFIED -> throw new AssertionError("validated above: " + action);
        }
        actionsApplied++;
        List<Recommendation> next = recommender.recommend(profile, category, maxResults);
        if (next.equals(current)) {
            return Optional.empty();
        }
        current = next;
        return Optional.of(next);
    }

    private Book validate(UserAction action) {
        List<FieldViolation> violations = new ArrayList<>(3);
        if (action.type() == UserActionType.UNSPECIFIED) {
            violations.add(new FieldViolation(
                    "action.type", "UNSPECIFIED (expected: VIEWED, LIKED, RATED, ADDED_TO_CART or DISMISSED)"));
        }
        if (action.bookId().isEmpty()) {
            violations.add(new FieldViolation("action.book_id", "\"\" (expected: a book id, for example \"B0042\")"));
        }
        if (action.type() == UserActionType.RATED && (action.stars() < 1 || action.stars() > 5)) {
            violations.add(new FieldViolation("action.rating", action.stars() + " (expected: 1 to 5 stars to rate)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        return catalogue.book(action.bookId());
    }
}
