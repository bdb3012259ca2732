package io.tickscope.server.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final InMemoryBookStore store = SampleShelf.newStore();
    private final Catalogue catalogue = Catalogue.load(store);

    @Test
    void listsBooksInIdOrderForEveryCategoryOrOne() {
        assertThat(ids(catalogue.books(null))).containsExactly("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08");
        assertThat(ids(catalogue.books(BookCategory.SCIENCE))).containsExactly("B01", "B02", "B03");
        assertThat(ids(catalogue.books(BookCategory.FICTION))).containsExactly("B06", "B07");
        assertThat(catalogue.books(BookCategory.BIOGRAPHY)).isEmpty();
    }

    @Test
    void findsBooksWithTheirStoredRatings() {
        Book book = catalogue.book("B04");

        assertThat(book.title()).isEqualTo("The Long Century");
        assertThat(book.ratingCount()).isEqualTo(10);
        assertThat(book.averageRating()).isEqualTo(4.0);
        assertThat(catalogue.contains("B04")).isTrue();
    }

    @Test
    void unknownBookIsNotFound() {
        assertThat(catalogue.contains("B99")).isFalse();
        assertThatThrownBy(() -> catalogue.book("B99"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("book not found: \"B99\"");
    }

    @Test
    void updateTakesNewAggregatesAndLeavesListsAlreadyHandedOutAlone() {
        List<Book> before = catalogue.books(null);

        catalogue.update(store.saveRatings(List.of(new Rating("U1", "B05", 5), new Rating("U1", "B08", 2))));

        assertThat(catalogue.book("B05").ratingSum()).isEqualTo(5);
        assertThat(catalogue.books(BookCategory.MYSTERY).get(0).ratingSum()).isEqualTo(2);
        assertThat(ids(catalogue.books(null))).isEqualTo(ids(before));
        assertThat(before.get(4).ratingCount()).isZero();
    }

    @Test
    void aStateThatArrivesLateNeverReplacesANewerOne() {
        Book first = store.saveRatings(List.of(new Rating("U1", "B05", 5))).get(0);
        Book second = store.saveRatings(List.of(new Rating("U2", "B05", 3))).get(0);

        // The second transaction's result lands first, as when another replica's change is announced quickly.
        catalogue.update(List.of(second));
        catalogue.update(List.of(first));

        assertThat(second.ratingsVersion()).isGreaterThan(first.ratingsVersion());
        assertThat(catalogue.book("B05")).isEqualTo(second);
        // The same state again (a replica reloading what it already has) is taken as it is.
        catalogue.update(List.of(second));
        assertThat(catalogue.book("B05")).isEqualTo(second);
    }

    @Test
    void updateAddsNewBooksInIdOrder() {
        catalogue.update(List.of(SampleShelf.book("B045", "Maps", "Cleo Marsh", BookCategory.HISTORY)));

        assertThat(ids(catalogue.books(BookCategory.HISTORY))).containsExactly("B04", "B045", "B05");
        assertThat(catalogue.book("B045").title()).isEqualTo("Maps");
    }

    @Test
    void readersNeverSeeHalfAnUpdate() throws InterruptedException {
        // Each update rates B05 and B08 alike; a reader of one list must find them alike too.
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> tornReads = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                List<Book> books = catalogue.books(null);
                if (books.get(4).ratingCount() != books.get(7).ratingCount()) {
                    tornReads.add(books.get(4) + " / " + books.get(7));
                }
            }
        });
        reader.start();
        for (int user = 0; user < 2_000; user++) {
            catalogue.update(
                    store.saveRatings(List.of(new Rating("U" + user, "B05", 4), new Rating("U" + user, "B08", 4))));
        }
        writing.set(false);
        reader.join();

        assertThat(tornReads).isEmpty();
        assertThat(catalogue.book("B08").ratingCount()).isEqualTo(2_000);
    }

    static List<String> ids(List<Book> books) {
        return books.stream().map(Book::bookId).toList();
    }
}
