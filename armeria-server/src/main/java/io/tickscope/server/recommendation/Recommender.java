package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Picks the best books of the catalogue for one user's {@link TasteProfile}.
 *
 * <p>A book's score is its quality plus how much the user cares for its category and its author:
 *
 * <pre>
 * score = (prior * 10 + ratingSum) / (10 + ratingCount)      quality: a Bayesian average, 1 to 5
 *       + 1.0 * tanh(categoryAffinity / 6)                   at most 1 star for a loved shelf
 *       + 1.5 * tanh(authorAffinity / 6)                     at most 1.5 stars for a loved author
 * </pre>
 *
 * <p>The prior is the mean of every rating in the catalogue, worth ten ratings: a book with one five-star
 * rating stays near the mean, while one with many good ratings rises to its own average. The affinities
 * saturate, so no amount of clicking on one author buries every other book, and the first signals count
 * most. Books the profile excludes are skipped. Results are best first, ties broken by book id, so a given
 * catalogue and profile always give the same answer.
 *
 * <p>Thread-safe. Each call scores every book of the shelf once and keeps only the best {@code maxResults}
 * in a bounded heap: O(n log k) time, O(k) memory, and an allocation only for a book that enters the heap.
 */
public final class Recommender {

    /** The most recommendations one call returns. */
    public static final int MAX_RESULTS_LIMIT = 100;

    private static final double PRIOR_WEIGHT = 10;
    // Used as the prior only until the catalogue has its first rating.
    private static final double NEUTRAL_RATING = 3;
    private static final double CATEGORY_WEIGHT = 1.0;
    private static final double AUTHOR_WEIGHT = 1.5;
    private static final double AFFINITY_SATURATION = 6;
    private static final double HIGHLY_RATED = 4;

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(candidate -> candidate.book().bookId());
    // The head of a heap in this order is the worst of the best so far: the one a better book pushes out.
    private static final Comparator<Candidate> WORST_FIRST = BEST_FIRST.reversed();

    private final Catalogue catalogue;

    public Recommender(Catalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue");
    }

    /**
     * Returns at most {@code maxResults} books for {@code profile}, from {@code category} or from every category
     * when it is null, best first.
     *
     * @throws IllegalArgumentException when {@code maxResults} is not between 1 and {@link #MAX_RESULTS_LIMIT}
     */
    public List<Recommendation> recommend(TasteProfile profile, @Nullable BookCategory category, int maxResults) {
        requireNonNull(profile, "profile");
        if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxResults: " + maxResults + " (expected: 1 to " + MAX_RESULTS_LIMIT + ')');
        }
        Catalogue.Snapshot snapshot = catalogue.snapshot();
        double prior = snapshot.meanRating() == 0 ? NEUTRAL_RATING : snapshot.meanRating();
        double[] categoryBoosts = categoryBoosts(profile);

        PriorityQueue<Candidate> best = new PriorityQueue<>(maxResults, WORST_FIRST);
        for (Book book : snapshot.books(category)) {
            if (profile.excludes(book.bookId())) {
                continue;
            }
            double quality = (prior * PRIOR_WEIGHT + book.ratingSum()) / (PRIOR_WEIGHT + book.ratingCount());
            double categoryBoost = categoryBoosts[book.category().ordinal()];
            double authorBoost = boost(AUTHOR_WEIGHT, profile.authorAffinity(book.author()));
            double score = quality + categoryBoost + authorBoost;
            if (best.size() < maxResults) {
                best.add(new Candidate(book, score, quality, categoryBoost, authorBoost));
            } else if (score >= best.element().score()) {
                Candidate candidate = new Candidate(book, score, quality, categoryBoost, authorBoost);
                if (BEST_FIRST.compare(candidate, best.element()) < 0) {
                    best.remove();
                    best.add(candidate);
                }
            }
        }

        Recommendation[] bestFirst = new Recommendation[best.size()];
        for (int i = bestFirst.length - 1; i >= 0; i--) {
            Candidate candidate = best.remove();
            bestFirst[i] = new Recommendation(candidate.book(), candidate.score(), reason(candidate));
        }
        return List.of(bestFirst);
    }

    private static double[] categoryBoosts(TasteProfile profile) {
        BookCategory[] categories = BookCategory.values();
        double[] boosts = new double[categories.length];
        for (BookCategory category : categories) {
            boosts[category.ordinal()] = boost(CATEGORY_WEIGHT, profile.categoryAffinity(category));
        }
        return boosts;
    }

    private static double boost(double weight, int affinity) {
        // Most authors have no affinity at all: skip the tanh for them.
        return affinity == 0 ? 0 : weight * Math.tanh(affinity / AFFINITY_SATURATION);
    }

    /** Says what lifted the book most: the user's taste for its author or shelf, else its own ratings. */
    private static String reason(Candidate candidate) {
        Book book = candidate.book();
        String shelf = shelfName(book.category());
        if (candidate.authorBoost() > 0 && candidate.authorBoost() >= candidate.categoryBoost()) {
            return "Because you liked books by " + book.author();
        }
        if (candidate.categoryBoost() > 0) {
            return "Because you like " + shelf;
        }
        long count = book.ratingCount();
        if (count == 0) {
            return "New in " + shelf + ", not rated yet";
        }
        String ratings = String.format(
                Locale.ROOT, "%.1f stars from %d rating%s", book.averageRating(), count, count == 1 ? "" : "s");
        return (candidate.quality() >= HIGHLY_RATED ? "Highly rated in " : "Rated in ") + shelf + ": " + ratings;
    }

    /** Returns "Science fiction" for SCIENCE_FICTION. */
    private static String shelfName(BookCategory category) {
        String name = category.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A book in the running, with the parts of its score that {@link #reason} explains. */
    private record Candidate(Book book, double score, double quality, double categoryBoost, double authorBoost) {}
}
