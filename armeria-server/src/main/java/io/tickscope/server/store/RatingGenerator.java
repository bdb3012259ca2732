package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookCategory;
import io.tickscope.server.recommendation.Rating;
import io.tickscope.server.user.User;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Makes ratings of books by users, no user rating a book twice, with the structure real ratings have: some
 * books are better (their stars cluster high) and some more popular (rated more often), some users rate far
 * more than others, and each user reads mostly in one to three favourite categories.
 */
final class RatingGenerator {

    private static final double MIN_QUALITY = 1.6;
    private static final double QUALITY_RANGE = 3.2;
    // Below 1 the exponent leans qualities high: most books are decent, a few are poor, some excellent. Powers
    // are taken with StrictMath, which gives the same bits everywhere, so a seed makes the same ratings.
    private static final double QUALITY_SKEW = 0.7;
    private static final double MAX_USER_BIAS = 0.5;
    private static final double MAX_NOISE_STARS = 1.5;
    private static final int MAX_FAVOURITE_CATEGORIES = 3;
    private static final double FAVOURITE_SHARE = 0.8;
    // Weights of the form 1 / (offset + rank) with a uniform rank make long tails: with the seeded counts the
    // most active user rates well over a hundred books and the median one about a dozen; the most rated book
    // has well over a hundred ratings, the median one five.
    private static final int POPULARITY_OFFSET = 20;
    private static final int ACTIVITY_OFFSET = 30;
    private static final int MAX_DRAWS_PER_RATING = 50;

    /** What one user likes and how they rate. */
    private record Reader(List<BookCategory> favourites, double bias) {}

    private final SplittableRandom random;

    /** Creates a generator that draws every choice from {@code random}. */
    RatingGenerator(SplittableRandom random) {
        this.random = requireNonNull(random, "random");
    }

    /** Returns {@code count} ratings of {@code books} by {@code users}, each pair of user and book at most once. */
    List<Rating> generate(List<User> users, List<Book> books, int count) {
        if (count < 0 || (long) count > (long) users.size() * books.size()) {
            throw new IllegalArgumentException(
                    "count: " + count + " (expected: 0 to " + users.size() + " users x " + books.size() + " books)");
        }
        if (count == 0) {
            return List.of();
        }
        double[] quality = new double[books.size()];
        double[] popularity = new double[books.size()];
        for (int book = 0; book < books.size(); book++) {
            quality[book] = MIN_QUALITY + QUALITY_RANGE * StrictMath.pow(random.nextDouble(), QUALITY_SKEW);
            popularity[book] = quality[book] * quality[book] / longTailRank(POPULARITY_OFFSET, books.size());
        }
        Map<BookCategory, BookShelf> shelves = shelves(books, popularity);
        List<BookCategory> stocked = List.copyOf(shelves.keySet());

        double[] activity = new double[users.size()];
        List<Reader> readers = new ArrayList<>(users.size());
        for (int user = 0; user < users.size(); user++) {
            activity[user] = 1 / longTailRank(ACTIVITY_OFFSET, users.size());
            readers.add(reader(stocked));
        }
        WeightedChoice rater = new WeightedChoice(activity);

        List<Rating> ratings = new ArrayList<>(count);
        Set<Long> ratedPairs = new HashSet<>();
        long draws = 0;
        while (ratings.size() < count) {
            if (++draws > (long) MAX_DRAWS_PER_RATING * count) {
                throw new IllegalStateException("found " + ratings.size() + " distinct pairs of user and book in "
                        + (draws - 1) + " draws (expected: " + count + ')');
            }
            int user = rater.pick(random);
            Reader reader = readers.get(user);
            BookCategory category = random.nextDouble() < FAVOURITE_SHARE
                    ? Phrases.pick(reader.favourites(), random)
                    : Phrases.pick(stocked, random);
            // Favourites are drawn from the stocked categories, which are the shelves' keys.
            int book = requireNonNull(shelves.get(category), "shelf").pick(random);
            if (ratedPairs.add((long) user * books.size() + book)) {
                ratings.add(new Rating(
                        users.get(user).userId(), books.get(book).bookId(), stars(quality[book] + reader.bias())));
            }
        }
        return ratings;
    }

    private double longTailRank(int offset, int count) {
        return offset + random.nextDouble() * count;
    }

    private Reader reader(List<BookCategory> stocked) {
        int favouriteCount = 1 + random.nextInt(Math.min(MAX_FAVOURITE_CATEGORIES, stocked.size()));
        List<BookCategory> favourites = new ArrayList<>(favouriteCount);
        while (favourites.size() < favouriteCount) {
            BookCategory category = Phrases.pick(stocked, random);
            if (!favourites.contains(category)) {
                favourites.add(category);
            }
        }
        double bias = (random.nextDouble() * 2 - 1) * MAX_USER_BIAS;
        return new Reader(List.copyOf(favourites), bias);
    }

    /** Returns whole stars around {@code expected}, off by up to one and a half, most often by little. */
    private int stars(double expected) {
        double triangularNoise = (random.nextDouble() - random.nextDouble()) * MAX_NOISE_STARS;
        return (int) Math.max(1, Math.min(5, Math.round(expected + triangularNoise)));
    }

    /** The books of one category, picked in proportion to their popularity. */
    private static final class BookShelf {

        private final int[] bookIndexes;
        private final WeightedChoice choice;

        /** Creates the shelf of the books at {@code bookIndexes}, each weighted by its {@code popularity}. */
        BookShelf(int[] bookIndexes, double[] popularity) {
            this.bookIndexes = bookIndexes;
            this.choice = new WeightedChoice(IntStream.of(bookIndexes)
                    .mapToDouble(book -> popularity[book])
                    .toArray());
        }

        /** Returns the index of a book in the list of all books. */
        int pick(SplittableRandom random) {
            return bookIndexes[choice.pick(random)];
        }
    }

    /** Returns a shelf for each category that has books. */
    private static Map<BookCategory, BookShelf> shelves(List<Book> books, double[] popularity) {
        Map<BookCategory, BookShelf> shelves = new EnumMap<>(BookCategory.class);
        for (BookCategory category : BookCategory.values()) {
            int[] indexes = IntStream.range(0, books.size())
                    .filter(book -> books.get(book).category() == category)
                    .toArray();
            if (indexes.length > 0) {
                shelves.put(category, new BookShelf(indexes, popularity));
            }
        }
        return shelves;
    }
}
