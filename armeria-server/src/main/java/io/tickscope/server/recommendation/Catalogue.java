package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.error.NotFoundException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every book of the shop with the aggregate of its stored ratings, held in memory.
 *
 * <p>Thread-safe. Readers never lock: the books sit in an immutable {@link Snapshot} that {@link #update}
 * replaces as a whole, so a reader sees either the catalogue before an update or after it, never half of
 * one. Updates are rare (once per stored chunk of ratings) and rebuild the snapshot, which for a few
 * thousand books costs far less than the transaction that caused them.
 */
public final class Catalogue {

    private volatile Snapshot snapshot;

    private Catalogue(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Returns the catalogue of every book in {@code store}. Blocks while the store loads. */
    public static Catalogue load(BookStore store) {
        TreeMap<String, Book> booksById = new TreeMap<>();
        for (Book book : store.loadBooks()) {
            if (booksById.put(book.bookId(), book) != null) {
                throw new IllegalArgumentException("book id: " + book.bookId() + " (expected: unique in the store)");
            }
        }
        return new Catalogue(new Snapshot(booksById));
    }

    /**
     * Returns the book with id {@code bookId}.
     *
     * @throws NotFoundException when the catalogue has no such book
     */
    public Book book(String bookId) {
        Book book = snapshot.find(requireNonNull(bookId, "bookId"));
        if (book == null) {
            throw new NotFoundException("book", bookId);
        }
        return book;
    }

    /** Returns whether the catalogue has a book with id {@code bookId}. */
    public boolean contains(String bookId) {
        return snapshot.find(requireNonNull(bookId, "bookId")) != null;
    }

    /** Returns the books of {@code category}, or every book when it is null, in book id order; never changes. */
    public List<Book> books(@Nullable BookCategory category) {
        return snapshot.books(category);
    }

    /**
     * Takes the stored state of {@code changedBooks}, as {@link BookStore#saveRatings} returns it: each replaces
     * the book of the same id unless that one has a newer {@link Book#ratingsVersion() ratings version}, or joins
     * the catalogue if it is new. So states that arrive out of order (two uploads finishing in the reverse order
     * of their commits, or a change another server announced) never bring back an older aggregate.
     */
    public void update(Collection<Book> changedBooks) {
        if (changedBooks.isEmpty()) {
            return;
        }
        // One writer at a time, so that two concurrent updates cannot each drop the other's books.
        synchronized (this) {
            TreeMap<String, Book> booksById = new TreeMap<>(snapshot.booksById);
            for (Book book : changedBooks) {
                booksById.merge(
                        book.bookId(),
                        book,
                        (held, offered) -> offered.ratingsVersion() >= held.ratingsVersion() ? offered : held);
            }
            snapshot = new Snapshot(booksById);
        }
    }

    /** Returns the current books as one consistent, immutable whole. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** The catalogue at one moment: the books by id and by category, and the mean of all their ratings. */
    static final class Snapshot {

        private final Map<String, Book> booksById;
        private final List<Book> allBooks;
        private final Map<BookCategory, List<Book>> booksByCategory;
        private final double meanRating;

        private Snapshot(TreeMap<String, Book> sortedBooksById) {
            booksById = Map.copyOf(sortedBooksById);
            allBooks = List.copyOf(sortedBooksById.values());
            booksByCategory = allBooks.stream()
                    .collect(Collectors.groupingBy(
                            Book::category, () -> new EnumMap<>(BookCategory.class), Collectors.toUnmodifiableList()));
            long ratingCount = 0;
            long ratingSum = 0;
            for (Book book : allBooks) {
                ratingCount += book.ratingCount();
                ratingSum += book.ratingSum();
            }
            meanRating = ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
        }

        /** Returns the book with id {@code bookId}, or null when there is none. */
        @Nullable
        Book find(String bookId) {
            return booksById.get(bookId);
        }

        /** Returns the books of {@code category}, or every book when it is null, in book id order. */
        List<Book> books(@Nullable BookCategory category) {
            return category == null ? allBooks : booksByCategory.getOrDefault(category, List.of());
        }

        /** Returns the mean of every stored rating of every book, or 0 when no book has a rating. */
        double meanRating() {
            return meanRating;
        }
    }
}
