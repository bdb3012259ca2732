package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What we know of one user's taste: how much they care for each category and each author, and which books
 * not to recommend because they already have them in hand (rated, in the cart) or said no (dismissed).
 *
 * <p>Affinities are sums of integer weights, so they are exact and do not depend on the order the signals
 * came in. Repeating a like, a cart or a dismissal changes nothing; a new rating of a book replaces the
 * earlier one, as the store does; each view counts, since looking again is interest again. Memory is bounded
 * by the catalogue: at most one entry per book and per author.
 *
 * <p>Not thread-safe: a profile belongs to one request or one session, whose messages arrive one at a time.
 */
public final class TasteProfile {

    private static final int VIEWED_WEIGHT = 1;
    private static final int LIKED_WEIGHT = 3;
    private static final int ADDED_TO_CART_WEIGHT = 4;
    private static final int DISMISSED_AUTHOR_WEIGHT = -2;
    // Three stars is neutral: a rating of 1 counts -4, of 5 counts +4, as much as a cart.
    private static final int NEUTRAL_STARS = 3;
    private static final int WEIGHT_PER_STAR = 2;

    private final int[] categoryAffinity = new int[BookCategory.values().length];
    private final Map<String, Integer> authorAffinity = new HashMap<>();
    private final Map<String, Integer> starsByBookId = new HashMap<>();
    private final Set<String> likedBookIds = new HashSet<>();
    private final Set<String> cartedBookIds = new HashSet<>();
    private final Set<String> dismissedBookIds = new HashSet<>();

    private TasteProfile() {}

    /** Returns the profile of a user we know nothing about. */
    public static TasteProfile empty() {
        return new TasteProfile();
    }

    /**
     * Returns the profile of a user who gave the stars in {@code starsByBookId}, as {@link
     * BookStore#loadRatingsBy} returns them. Ratings of books no longer in {@code catalogue} are ignored.
     */
    public static TasteProfile ofRatings(Map<String, Integer> starsByBookId, Catalogue catalogue) {
        requireNonNull(catalogue, "catalogue");
        TasteProfile profile = new TasteProfile();
        Catalogue.Snapshot books = catalogue.snapshot();
        starsByBookId.forEach((bookId, stars) -> {
            Book book = books.find(bookId);
            if (book != null) {
                profile.rated(book, stars);
            }
        });
        return profile;
    }

    /** Records that the user opened the page of {@code book}. */
    public void viewed(Book book) {
        addAffinity(book, VIEWED_WEIGHT, VIEWED_WEIGHT);
    }

    /** Records that the user liked {@code book}; liking it again changes nothing. */
    public void liked(Book book) {
        if (likedBookIds.add(book.bookId())) {
            addAffinity(book, LIKED_WEIGHT, LIKED_WEIGHT);
        }
    }

    /** Records that the user gave {@code book} {@code stars} from 1 to 5, replacing any earlier rating of it. */
    public void rated(Book book, int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars: " + stars + " (expected: 1 to 5)");
        }
        Integer earlierStars = starsByBookId.put(book.bookId(), stars);
        int weight = ratingWeight(stars) - (earlierStars == null ? 0 : ratingWeight(earlierStars));
        addAffinity(book, weight, weight);
    }

    /** Records that the user put {@code book} in the cart; it is no longer recommended. */
    public void addedToCart(Book book) {
        if (cartedBookIds.add(book.bookId())) {
            addAffinity(book, ADDED_TO_CART_WEIGHT, ADDED_TO_CART_WEIGHT);
        }
    }

    /**
     * Records that the user dismissed {@code book}; it is no longer recommended, and its author counts a little
     * against. Its category does not: turning down one title says little about a whole shelf.
     */
    public void dismissed(Book book) {
        if (dismissedBookIds.add(book.bookId())) {
            addAffinity(book, 0, DISMISSED_AUTHOR_WEIGHT);
        }
    }

    /** Returns how much the user cares for {@code category}: positive for interest, negative for dislike. */
    public int categoryAffinity(BookCategory category) {
        return categoryAffinity[category.ordinal()];
    }

    /** Returns how much the user cares for books by {@code author}: positive for interest, negative for dislike. */
    public int authorAffinity(String author) {
        return authorAffinity.getOrDefault(author, 0);
    }

    /** Returns whether the book with id {@code bookId} must not be recommended: rated, in the cart or dismissed. */
    public boolean excludes(String bookId) {
        return starsByBookId.containsKey(bookId) || cartedBookIds.contains(bookId) || dismissedBookIds.contains(bookId);
    }

    private static int ratingWeight(int stars) {
        return (stars - NEUTRAL_STARS) * WEIGHT_PER_STAR;
    }

    private void addAffinity(Book book, int categoryWeight, int authorWeight) {
        categoryAffinity[book.category().ordinal()] += categoryWeight;
        if (authorWeight != 0) {
            authorAffinity.merge(book.author(), authorWeight, Integer::sum);
        }
    }
}
