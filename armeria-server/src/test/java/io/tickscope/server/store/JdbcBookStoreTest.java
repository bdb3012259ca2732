package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.recommendation.Rating;
import io.tickscope.server.recommendation.UploadedRating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class JdbcBookStoreTest {

    private static final String USER = "U0001";

    @Parameter
    StoreEngine engine;

    @TempDir
    Path temporary;

    private TestDatabase testDatabase;

    private Database database;
    private BookStore books;

    @BeforeEach
    void openDatabase() {
        testDatabase = engine.create(temporary);
        database = testDatabase.open(11);
        books = database.bookStore();
    }

    @AfterEach
    void dropDatabase() {
        testDatabase.close();
    }

    @Test
    void newRatingIsAddedToTheBooksAggregate() {
        Book before = bookNotRatedBy(USER);

        List<Book> changed = books.saveRatings(List.of(new Rating(USER, before.bookId(), 4)));

        Book expected = withRatings(before, before.ratingCount() + 1, before.ratingSum() + 4);
        assertThat(changed).containsExactly(expected);
        assertThat(booksById().get(before.bookId())).isEqualTo(expected);
        assertThat(books.loadRatingsBy(USER)).containsEntry(before.bookId(), 4);
    }

    @Test
    void newRatingReplacesTheUsersEarlierRatingOfTheBook() {
        Map.Entry<String, Integer> earlier =
                books.loadRatingsBy(USER).entrySet().iterator().next();
        Book before = requireNonNull(booksById().get(earlier.getKey()), earlier.getKey());
        int newStars = earlier.getValue() == 5 ? 1 : earlier.getValue() + 1;

        List<Book> changed = books.saveRatings(List.of(new Rating(USER, earlier.getKey(), newStars)));

        Book expected = withRatings(before, before.ratingCount(), before.ratingSum() - earlier.getValue() + newStars);
        assertThat(changed).containsExactly(expected);
        assertThat(booksById().get(earlier.getKey())).isEqualTo(expected);
        assertThat(books.loadRatingsBy(USER)).containsEntry(earlier.getKey(), newStars);
    }

    @Test
    void restatingTheStoredStarsChangesNoBook() {
        Map.Entry<String, Integer> earlier =
                books.loadRatingsBy(USER).entrySet().iterator().next();
        List<Book> before = books.loadBooks();

        assertThat(books.saveRatings(List.of(new Rating(USER, earlier.getKey(), earlier.getValue()))))
                .isEmpty();

        assertThat(books.loadBooks()).isEqualTo(before);
    }

    @Test
    void laterRatingInTheSameBatchWins() {
        Book before = bookNotRatedBy(USER);

        List<Book> changed =
                books.saveRatings(List.of(new Rating(USER, before.bookId(), 2), new Rating(USER, before.bookId(), 5)));

        assertThat(changed).containsExactly(withRatings(before, before.ratingCount() + 1, before.ratingSum() + 5));
        assertThat(books.loadRatingsBy(USER)).containsEntry(before.bookId(), 5);
    }

    @Test
    void changedBooksComeBackOnceEachInBookIdOrder() {
        List<Rating> ratings = List.of(
                new Rating("U0002", "B1500", 3),
                new Rating("U0003", "B0007", 4),
                new Rating("U0004", "B1500", 5),
                new Rating("U0005", "B0300", 1));

        List<Book> changed = books.saveRatings(ratings);

        assertThat(changed).extracting(Book::bookId).containsExactly("B0007", "B0300", "B1500");
        Map<String, Book> stored = booksById();
        assertThat(changed)
                .allSatisfy(book -> assertThat(stored.get(book.bookId())).isEqualTo(book));
    }

    @Test
    void batchesSavedFromSeveralThreadsAtOnceAreAllStored() throws Exception {
        List<String> users = List.of("U0101", "U0102", "U0103", "U0104");
        List<String> bookIds =
                books.loadBooks().stream().map(Book::bookId).limit(200).toList();
        long newPairs = 0;
        for (String user : users) {
            Map<String, Integer> rated = books.loadRatingsBy(user);
            newPairs += bookIds.stream()
                    .filter(bookId -> !rated.containsKey(bookId))
                    .count();
        }
        long ratingsBefore =
                books.loadBooks().stream().mapToLong(Book::ratingCount).sum();

        ExecutorService threads = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (String user : users) {
                uploads.add(threads.submit(() -> {
                    // Batches of ten, each a transaction of its own, racing the other users' batches.
                    for (int from = 0; from < bookIds.size(); from += 10) {
                        books.saveRatings(bookIds.subList(from, from + 10).stream()
                                .map(bookId -> new Rating(user, bookId, 1 + Math.floorMod(bookId.hashCode(), 5)))
                                .toList());
                        assertThat(books.loadBooks()).hasSize(2_000);
                    }
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(books.loadBooks().stream().mapToLong(Book::ratingCount).sum())
                .isEqualTo(ratingsBefore + newPairs);
        for (String user : users) {
            assertThat(books.loadRatingsBy(user))
                    .containsAllEntriesOf(bookIds.stream()
                            .collect(Collectors.toMap(
                                    Function.identity(), bookId -> 1 + Math.floorMod(bookId.hashCode(), 5))));
        }
    }

    @Test
    void emptyBatchChangesNothing() {
        assertThat(books.saveRatings(List.of())).isEmpty();
    }

    @Test
    void savedRatingsSurviveCloseAndReopen() {
        Book before = bookNotRatedBy(USER);
        List<Book> changed = books.saveRatings(List.of(new Rating(USER, before.bookId(), 3)));
        database.close();

        database = testDatabase.open(11);
        books = database.bookStore();

        assertThat(books.loadRatingsBy(USER)).containsEntry(before.bookId(), 3);
        assertThat(booksById().get(before.bookId())).isEqualTo(changed.get(0));
    }

    @Test
    void ratingOfAnUnknownBookIsRefusedAndNothingOfTheBatchIsStored() {
        Book valid = bookNotRatedBy(USER);
        List<Book> before = books.loadBooks();
        Map<String, Integer> ratingsBefore = books.loadRatingsBy(USER);

        assertThatThrownBy(() ->
                        books.saveRatings(List.of(new Rating(USER, valid.bookId(), 5), new Rating(USER, "B9999", 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1].bookId: \"B9999\" (expected: a stored book id)");

        assertThat(books.loadBooks()).isEqualTo(before);
        assertThat(books.loadRatingsBy(USER)).isEqualTo(ratingsBefore);
    }

    @Test
    void ratingByAnUnknownUserIsRefusedAndNothingOfTheBatchIsStored() {
        List<Book> before = books.loadBooks();

        assertThatThrownBy(
                        () -> books.saveRatings(List.of(new Rating(USER, "B0001", 5), new Rating("U9999", "B0002", 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1].userId: \"U9999\" (expected: a stored user id)");

        assertThat(books.loadBooks()).isEqualTo(before);
        assertThat(books.loadRatingsBy("U9999")).isEmpty();
    }

    @Test
    void uploadedRatingIsStoredWithItsKeyAndAReplayOfTheKeyStoresNothing() {
        Book book = bookNotRatedBy(USER);
        UploadedRating first = new UploadedRating(new Rating(USER, book.bookId(), 2), "key-1");

        BookStore.SavedUpload stored = books.saveUploadedRatings(List.of(first));
        // A replay of the key restates other stars: it must not bring them back over the stored ones.
        BookStore.SavedUpload replayed =
                books.saveUploadedRatings(List.of(new UploadedRating(new Rating(USER, book.bookId(), 5), "key-1")));

        Book expected = withRatings(book, book.ratingCount() + 1, book.ratingSum() + 2);
        assertThat(stored).isEqualTo(new BookStore.SavedUpload(List.of(expected), 0));
        assertThat(replayed).isEqualTo(new BookStore.SavedUpload(List.of(), 1));
        assertThat(booksById().get(book.bookId())).isEqualTo(expected);
        assertThat(testDatabase.rowCount("rating_idempotency_keys")).isEqualTo(1);
    }

    @Test
    void keyUsedTwiceInOneTransactionStoresOnlyItsFirstRating() {
        Book book = bookNotRatedBy(USER);
        Book other = bookNotRatedBy("U0002");

        BookStore.SavedUpload saved = books.saveUploadedRatings(List.of(
                new UploadedRating(new Rating(USER, book.bookId(), 3), "same"),
                new UploadedRating(new Rating("U0002", other.bookId(), 4), "same"),
                new UploadedRating(new Rating("U0003", book.bookId(), 1), null)));

        assertThat(saved.replayCount()).isEqualTo(1);
        assertThat(books.loadRatingsBy(USER)).containsEntry(book.bookId(), 3);
        assertThat(books.loadRatingsBy("U0002")).doesNotContainKey(other.bookId());
        assertThat(books.loadRatingsBy("U0003")).containsEntry(book.bookId(), 1);
    }

    @Test
    void uploadedRatingNamingAnUnknownBookStoresNeitherRatingNorKey() {
        List<Book> before = books.loadBooks();

        assertThatThrownBy(() -> books.saveUploadedRatings(List.of(
                        new UploadedRating(new Rating(USER, "B0001", 5), "a"),
                        new UploadedRating(new Rating(USER, "B9999", 4), "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1].bookId: \"B9999\" (expected: a stored book id)");

        assertThat(books.loadBooks()).isEqualTo(before);
        assertThat(testDatabase.rowCount("rating_idempotency_keys")).isZero();
    }

    @Test
    void userWithoutRatingsHasNone() {
        assertThat(books.loadRatingsBy("U9999")).isEmpty();
    }

    private Book bookNotRatedBy(String userId) {
        Map<String, Integer> rated = books.loadRatingsBy(userId);
        return books.loadBooks().stream()
                .filter(book -> book.ratingCount() > 0 && !rated.containsKey(book.bookId()))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Book> booksById() {
        return books.loadBooks().stream().collect(Collectors.toMap(Book::bookId, Function.identity()));
    }

    /** Returns {@code book} as one more transaction left it, with {@code count} ratings summing to {@code sum}. */
    private static Book withRatings(Book book, long count, long sum) {
        return new Book(
                book.bookId(),
                book.title(),
                book.author(),
                book.category(),
                book.description(),
                count,
                sum,
                book.ratingsVersion() + 1);
    }
}
