package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A {@link BookStore} in memory that keeps the real store's promises: a user's later rating of a book replaces
 * the earlier one, aggregates follow the stored ratings, a transaction naming an unknown book stores nothing,
 * a rating whose idempotency key is stored is a replay that stores nothing, and only books whose aggregates
 * changed are returned. Thread-safe.
 */
final class InMemoryBookStore implements BookStore {

    private final TreeMap<String, Book> booksById = new TreeMap<>();
    private final Map<String, Map<String, Integer>> starsByUser = new HashMap<>();
    private final List<Integer> transactionSizes = new ArrayList<>();
    private final Set<String> storedKeys = new HashSet<>();

    /** Creates a store of {@code books}, which have no ratings yet: ratings come only through the store. */
    InMemoryBookStore(List<Book> books) {
        for (Book book : books) {
            if (book.ratingCount() != 0) {
                throw new IllegalArgumentException(
                        "ratings of " + book.bookId() + ": " + book.ratingCount() + " (expected: 0)");
            }
            booksById.put(book.bookId(), book);
        }
    }

    /** Returns one rating of {@code bookId} per element of {@code stars}, each by a different reader. */
    static List<Rating> ratingsOf(String bookId, int... stars) {
        return IntStream.range(0, stars.length)
                .mapToObj(i -> new Rating("reader" + (i + 1), bookId, stars[i]))
                .toList();
    }

    @Override
    public synchronized List<Book> loadBooks() {
        return List.copyOf(booksById.values());
    }

    @Override
    public synchronized List<Book> saveRatings(List<Rating> ratings) {
        for (Rating rating : ratings) {
            if (!booksById.containsKey(rating.bookId())) {
                throw new IllegalArgumentException("book id: " + rating.bookId() + " (expected: a stored book)");
            }
        }
        TreeMap<String, Book> before = new TreeMap<>();
        for (Rating rating : ratings) {
            Integer earlier = starsByUser
                    .computeIfAbsent(rating.userId(), user -> new HashMap<>())
                    .put(rating.bookId(), rating.stars());
            Book book = requireNonNull(booksById.get(rating.bookId()), "book of " + rating);
            before.putIfAbsent(book.bookId(), book);
            booksById.put(
                    book.bookId(),
                    withRatings(
                            book,
                            book.ratingCount() + (earlier == null ? 1 : 0),
                            book.ratingSum() + rating.stars() - (earlier == null ? 0 : earlier)));
        }
        transactionSizes.add(ratings.size());
        List<Book> changed = new ArrayList<>();
        before.forEach((bookId, earlierBook) -> {
            Book stored = requireNonNull(booksById.get(bookId), bookId);
            if (!stored.equals(earlierBook)) {
                // One more transaction changed the book's ratings, as the database counts them.
                Book versioned = new Book(
                        stored.bookId(),
                        stored.title(),
                        stored.author(),
                        stored.category(),
                        stored.description(),
                        stored.ratingCount(),
                        stored.ratingSum(),
                        earlierBook.ratingsVersion() + 1);
                booksById.put(bookId, versioned);
                changed.add(versioned);
            }
        });
        return changed;
    }

    @Override
    public synchronized SavedUpload saveUploadedRatings(List<UploadedRating> uploaded) {
        List<Rating> fresh = new ArrayList<>(uploaded.size());
        Set<String> keysOfThisTransaction = new HashSet<>();
        for (UploadedRating rating : uploaded) {
            String key = rating.idempotencyKey();
            if (key == null || (!storedKeys.contains(key) && keysOfThisTransaction.add(key))) {
                fresh.add(rating.rating());
            }
        }
        List<Book> changed = saveRatings(fresh);
        storedKeys.addAll(keysOfThisTransaction);
        return new SavedUpload(changed, uploaded.size() - fresh.size());
    }

    @Override
    public synchronized Map<String, Integer> loadRatingsBy(String userId) {
        return Map.copyOf(starsByUser.getOrDefault(userId, Map.of()));
    }

    /** Returns how many ratings each {@link #saveRatings} call stored, oldest first. */
    synchronized List<Integer> transactionSizes() {
        return List.copyOf(transactionSizes);
    }

    private static Book withRatings(Book book, long count, long sum) {
        return new Book(
                book.bookId(),
                book.title(),
                book.author(),
                book.category(),
                book.description(),
                count,
                sum,
                book.ratingsVersion());
    }
}
