package io.tickscope.server.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RatingUploadTest {

    private static final Set<String> USERS = Set.of("U1", "U2", "U3");

    private final InMemoryBookStore store = SampleShelf.newStore();
    private final Catalogue catalogue = Catalogue.load(store);
    private final List<String> askedAbout = new ArrayList<>();
    private final Predicate<String> userExists = userId -> {
        askedAbout.add(userId);
        return USERS.contains(userId) || userId.startsWith("reader");
    };
    private final RatingUpload upload = new RatingUpload(store, catalogue, userExists);
    private final int storedTransactions = store.transactionSizes().size();

    @Test
    void storesValidRatingsAtFinishAndUpdatesTheCatalogue() {
        upload.offer(0, "U1", "B05", 4);
        upload.offer(1, "U1", "B08", 2);
        upload.offer(2, "U2", "B05", 5);
        assertThat(store.loadRatingsBy("U1")).isEmpty();

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary).isEqualTo(new RatingUpload.Summary(3, 0, 0, List.of()));
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B05", 4, "B08", 2));
        assertThat(store.transactionSizes()).hasSize(storedTransactions + 1);
        assertThat(catalogue.book("B05").ratingCount()).isEqualTo(2);
        assertThat(catalogue.book("B05").ratingSum()).isEqualTo(9);
        assertThat(catalogue.book("B08").ratingSum()).isEqualTo(2);
    }

    @Test
    void rejectsRatingsNamingTheBadValueAndWhatWasExpected() {
        upload.offer(0, "U9", "B01", 4);
        upload.offer(1, "U1", "B99", 4);
        upload.offer(2, "U1", "B01", 0);
        upload.offer(3, "U1", "B01", 3);
        upload.offer(4, "", "", 6);

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.acceptedCount()).isEqualTo(1);
        assertThat(summary.rejectedCount()).isEqualTo(4);
        assertThat(summary.rejections())
                .containsExactly(
                        new RatingUpload.Rejection(
                                0, "B01", "user_id: \"U9\" (expected: an existing user, for example \"U0042\")"),
                        new RatingUpload.Rejection(
                                1,
                                "B99",
                                "book_id: \"B99\" (expected: a book of the catalogue, for example \"B0042\")"),
                        new RatingUpload.Rejection(2, "B01", "rating: 0 (expected: 1 to 5 stars)"),
                        new RatingUpload.Rejection(
                                4,
                                "",
                                "user_id: \"\" (expected: an existing user, for example \"U0042\"); "
                                        + "book_id: \"\" (expected: a book of the catalogue, for example \"B0042\"); "
                                        + "rating: 6 (expected: 1 to 5 stars)"));
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B01", 3));
        assertThat(store.loadRatingsBy("U9")).isEmpty();
    }

    @Test
    void explainsTheFirstHundredRejectionsButCountsThemAll() {
        for (int index = 0; index < 300; index++) {
            upload.offer(index, "U1", index % 2 == 0 ? "B0" + (1 + index % 8) : "B99", 5);
        }

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.acceptedCount()).isEqualTo(150);
        assertThat(summary.rejectedCount()).isEqualTo(150);
        assertThat(summary.rejections())
                .hasSize(RatingUpload.MAX_REJECTIONS)
                .extracting(RatingUpload.Rejection::index)
                .containsExactlyElementsOf(LongStream.range(0, 100)
                        .map(rejection -> 2 * rejection + 1)
                        .boxed()
                        .toList());
    }

    @Test
    void storesFullChunksAsTheyFillAndTheRestAtFinish() {
        List<Book> books = catalogue.books(null);
        for (int index = 0; index < 1_200; index++) {
            upload.offer(
                    index,
                    "reader" + (index / books.size()),
                    books.get(index % books.size()).bookId(),
                    1);
            if (index == 999) {
                assertThat(newTransactions()).containsExactly(500, 500);
                assertThat(catalogue.book("B05").ratingCount()).isEqualTo(125);
            }
        }

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.acceptedCount()).isEqualTo(1_200);
        assertThat(newTransactions()).containsExactly(500, 500, 200);
        assertThat(catalogue.book("B05").ratingCount()).isEqualTo(150);
        assertThat(catalogue.books(null)).isEqualTo(store.loadBooks());
    }

    @Test
    void laterRatingOfTheSameBookInOneChunkWins() {
        upload.offer(0, "U1", "B05", 2);
        upload.offer(1, "U1", "B05", 5);

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.acceptedCount()).isEqualTo(2);
        assertThat(newTransactions()).containsExactly(1);
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B05", 5));
        assertThat(catalogue.book("B05").ratingCount()).isEqualTo(1);
        assertThat(catalogue.book("B05").ratingSum()).isEqualTo(5);
    }

    @Test
    void laterRatingOfTheSameBookInALaterChunkWinsAlike() {
        upload.offer(0, "U1", "B05", 2);
        for (int index = 1; index < RatingUpload.CHUNK_SIZE; index++) {
            upload.offer(index, "reader" + index, "B08", 3);
        }
        upload.offer(RatingUpload.CHUNK_SIZE, "U1", "B05", 5);

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.acceptedCount()).isEqualTo(RatingUpload.CHUNK_SIZE + 1);
        assertThat(newTransactions()).containsExactly(RatingUpload.CHUNK_SIZE, 1);
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B05", 5));
        assertThat(catalogue.book("B05").ratingCount()).isEqualTo(1);
        assertThat(catalogue.book("B05").ratingSum()).isEqualTo(5);
    }

    @Test
    void resentKeyedRatingsCountAsAlreadyStoredAndChangeNothing() {
        upload.offer(0, "U1", "B05", 4, "k0");
        upload.offer(1, "U2", "B05", 2, "k1");
        upload.finish();
        Book afterFirst = catalogue.book("B05");

        RatingUpload resend = new RatingUpload(store, catalogue, userExists);
        resend.offer(0, "U1", "B05", 1, "k0");
        resend.offer(1, "U2", "B05", 2, "k1");
        resend.offer(2, "U3", "B05", 5, "k2");
        RatingUpload.Summary summary = resend.finish();

        assertThat(summary).isEqualTo(new RatingUpload.Summary(1, 2, 0, List.of()));
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B05", 4));
        assertThat(catalogue.book("B05").ratingCount()).isEqualTo(afterFirst.ratingCount() + 1);
        assertThat(catalogue.book("B05").ratingSum()).isEqualTo(afterFirst.ratingSum() + 5);
    }

    @Test
    void keyedRatingOfABookAlreadyInTheChunkStoresTheChunkFirst() {
        upload.offer(0, "U1", "B05", 2, "k0");
        upload.offer(1, "U1", "B05", 5, "k1");
        // The same key again is a replay, even inside one upload.
        upload.offer(2, "U1", "B05", 2, "k0");

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary).isEqualTo(new RatingUpload.Summary(2, 1, 0, List.of()));
        assertThat(newTransactions()).containsExactly(1, 1, 0);
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B05", 5));
    }

    @Test
    void rejectsAnIdempotencyKeyLongerThanTheLimit() {
        upload.offer(0, "U1", "B05", 4, "k".repeat(UploadedRating.MAX_KEY_LENGTH + 1));

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.rejections())
                .containsExactly(
                        new RatingUpload.Rejection(0, "B05", "idempotency_key: 129 characters (expected: 1 to 128)"));
        assertThat(newTransactions()).isEmpty();
    }

    /** Found by fuzzing: the store's length check stops at a NUL, so the key failed there as INTERNAL. */
    @Test
    void rejectsAnIdempotencyKeyWithAControlCharacter() {
        upload.offer(0, "U1", "B05", 4, "\u0000k1");
        upload.offer(1, "U1", "B06", 4, "k\n2");
        upload.offer(2, "U1", "B07", 4, "k3");

        RatingUpload.Summary summary = upload.finish();

        assertThat(summary.rejections())
                .containsExactly(
                        new RatingUpload.Rejection(
                                0,
                                "B05",
                                "idempotency_key: control character U+0000 at 0 (expected: printable text, for"
                                        + " example a UUID)"),
                        new RatingUpload.Rejection(
                                1,
                                "B06",
                                "idempotency_key: control character U+000A at 1 (expected: printable text, for"
                                        + " example a UUID)"));
        assertThat(summary.acceptedCount()).isEqualTo(1);
        assertThat(store.loadRatingsBy("U1")).isEqualTo(Map.of("B07", 4));
    }

    @Test
    void asksAboutEachUserOnce() {
        for (int index = 0; index < 10; index++) {
            upload.offer(index, index % 2 == 0 ? "U1" : "U9", "B05", 4);
        }

        upload.finish();

        assertThat(askedAbout).containsExactly("U1", "U9");
    }

    @Test
    void finishingStoresNothingWhenNothingWasAccepted() {
        upload.offer(0, "U9", "B05", 4);

        assertThat(upload.finish())
                .isEqualTo(new RatingUpload.Summary(
                        0,
                        0,
                        1,
                        List.of(new RatingUpload.Rejection(
                                0, "B05", "user_id: \"U9\" (expected: an existing user, for example \"U0042\")"))));
        assertThat(newTransactions()).isEmpty();
    }

    @Test
    void isClosedOnceFinished() {
        upload.finish();

        assertThatThrownBy(() -> upload.offer(0, "U1", "B05", 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("upload: finished (expected: still open)");
        assertThatThrownBy(upload::finish).isInstanceOf(IllegalStateException.class);
    }

    private List<Integer> newTransactions() {
        List<Integer> sizes = store.transactionSizes();
        return sizes.subList(storedTransactions, sizes.size());
    }
}
