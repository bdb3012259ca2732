package io.tickscope.server.recommendation;

import java.util.List;
import java.util.stream.Stream;

/**
 * A small catalogue whose scores can be worked out by hand. Its 50 ratings sum to 180, so the prior of the
 * Bayesian average is 3.6 and each book's quality is (36 + ratingSum) / (10 + ratingCount):
 *
 * <pre>
 * B01 Science  Ada Byron   20 ratings, sum 90 (4.5)  126/30 = 4.2
 * B02 Science  Boris Vale   1 rating,  sum 5  (5.0)   41/11 = 3.7273
 * B03 Science  Ada Byron    4 ratings, sum 16 (4.0)   52/14 = 3.7143
 * B04 History  Cleo Marsh  10 ratings, sum 40 (4.0)   76/20 = 3.8
 * B05 History  Dara Quinn   no rating                  36/10 = 3.6
 * B06 Fiction  Eli Stone   10 ratings, sum 14 (1.4)   50/20 = 2.5
 * B07 Fiction  Boris Vale   5 ratings, sum 15 (3.0)   51/15 = 3.4
 * B08 Mystery  Dara Quinn   no rating                  36/10 = 3.6
 * </pre>
 *
 * So with no taste known the order is B01, B04, B02, B03, B05, B08 (a tie with B05, broken by id), B07, B06.
 */
final class SampleShelf {

    static final List<String> UNTOUCHED_ORDER = List.of("B01", "B04", "B02", "B03", "B05", "B08", "B07", "B06");

    private SampleShelf() {}

    /** Returns a store holding the books and ratings above. */
    static InMemoryBookStore newStore() {
        InMemoryBookStore store = new InMemoryBookStore(List.of(
                book("B01", "The Engine of Numbers", "Ada Byron", BookCategory.SCIENCE),
                book("B02", "Small Worlds", "Boris Vale", BookCategory.SCIENCE),
                book("B03", "Notes on the Analytical Engine", "Ada Byron", BookCategory.SCIENCE),
                book("B04", "The Long Century", "Cleo Marsh", BookCategory.HISTORY),
                book("B05", "Ports and Empires", "Dara Quinn", BookCategory.HISTORY),
                book("B06", "A Grey Morning", "Eli Stone", BookCategory.FICTION),
                book("B07", "The Lighthouse Keeper", "Boris Vale", BookCategory.FICTION),
                book("B08", "Murder at the Archive", "Dara Quinn", BookCategory.MYSTERY)));
        store.saveRatings(Stream.of(
                        InMemoryBookStore.ratingsOf("B01", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
                        InMemoryBookStore.ratingsOf("B02", 5),
                        InMemoryBookStore.ratingsOf("B03", 4, 4, 4, 4),
                        InMemoryBookStore.ratingsOf("B04", 5, 5, 5, 5, 5, 3, 3, 3, 3, 3),
                        InMemoryBookStore.ratingsOf("B06", 1, 1, 1, 1, 1, 1, 2, 2, 2, 2),
                        InMemoryBookStore.ratingsOf("B07", 3, 3, 3, 3, 3))
                .flatMap(List::stream)
                .toList());
        return store;
    }

    /** Returns a book without ratings. */
    static Book book(String bookId, String title, String author, BookCategory category) {
        return new Book(bookId, title, author, category, "About " + title + '.', 0, 0, 0);
    }
}
