package io.tickscope.server.grpc;

import static io.tickscope.server.grpc.StatusAssertions.failsWith;
import static io.tickscope.server.grpc.StatusAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.recommendation.v1.Book;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.ListBooksResponse;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendResponse;
import io.tickscope.api.recommendation.v1.Recommendation;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionResponse;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.api.recommendation.v1.UserAction;
import io.tickscope.api.recommendation.v1.UserActionType;
import io.tickscope.api.user.v1.GetUserRequest;
import io.tickscope.api.user.v1.User;
import io.tickscope.api.user.v1.UserServiceGrpc.UserServiceBlockingStub;
import io.tickscope.server.testing.RecordingObserver;
import io.tickscope.server.testing.ResponseFuture;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecommendationServiceTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    private final RecommendationServiceBlockingStub recommendations =
            server.stub(RecommendationServiceBlockingStub.class);
    private final RecommendationServiceStub recommendationsAsync = server.stub(RecommendationServiceStub.class);
    private final UserServiceBlockingStub users = server.stub(UserServiceBlockingStub.class);

    @Test
    void recommendIsDeterministicHonoursMaxResultsAndTheCategory() {
        RecommendRequest request = RecommendRequest.newBuilder()
                .setUserId("U0007")
                .setCategory(BookCategory.BOOK_CATEGORY_SCIENCE)
                .setMaxResults(7)
                .build();

        RecommendResponse first = recommendations.recommend(request);
        RecommendResponse second = recommendations.recommend(request);

        assertThat(first.getRecommendationsList()).hasSize(7);
        assertThat(second).isEqualTo(first);
        assertThat(first.getRecommendationsList())
                .allMatch(
                        recommendation -> recommendation.getBook().getCategory() == BookCategory.BOOK_CATEGORY_SCIENCE)
                .allMatch(recommendation -> !recommendation.getReason().isBlank());
        assertThat(first.getRecommendationsList())
                .extracting(Recommendation::getScore)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void recommendDefaultsToTenAcrossEveryCategory() {
        RecommendResponse response = recommendations.recommend(
                RecommendRequest.newBuilder().setUserId("U0001").build());

        assertThat(response.getRecommendationsList()).hasSize(10);
    }

    @Test
    void recommendForUnknownUserIsNotFound() {
        StatusRuntimeException failure = failsWith(
                Status.Code.NOT_FOUND,
                () -> recommendations.recommend(
                        RecommendRequest.newBuilder().setUserId("U9999").build()));

        assertThat(failure.getStatus().getDescription()).isEqualTo("user not found: \"U9999\"");
    }

    @Test
    void recommendRejectsTooManyResults() {
        StatusRuntimeException failure = failsWith(
                Status.Code.INVALID_ARGUMENT,
                () -> recommendations.recommend(RecommendRequest.newBuilder()
                        .setUserId("U0001")
                        .setMaxResults(500)
                        .build()));

        assertThat(fieldViolations(failure)).singleElement().satisfies(violation -> {
            assertThat(violation.getField()).isEqualTo("max_results");
            assertThat(violation.getDescription()).isEqualTo("500 (expected: 1 to 100, or 0 for 10)");
        });
    }

    @Test
    void getBookAndGetUserFindSeededRecords() {
        Book book = recommendations
                .getBook(GetBookRequest.newBuilder().setBookId("B0042").build())
                .getBook();
        User user = users.getUser(GetUserRequest.newBuilder().setUserId("U0042").build())
                .getUser();

        assertThat(book.getBookId()).isEqualTo("B0042");
        assertThat(book.getTitle()).isNotBlank();
        assertThat(book.getAuthor()).isNotBlank();
        assertThat(book.getCategory()).isNotEqualTo(BookCategory.BOOK_CATEGORY_UNSPECIFIED);
        assertThat(user.getEmail()).endsWith("@example.com");
        failsWith(
                Status.Code.NOT_FOUND,
                () -> users.getUser(
                        GetUserRequest.newBuilder().setUserId("U0000").build()));
        failsWith(
                Status.Code.NOT_FOUND,
                () -> recommendations.getBook(
                        GetBookRequest.newBuilder().setBookId("B9999").build()));
    }

    @Test
    void listBooksStreamsTheCatalogueOrOneCategory() {
        List<Book> all = books(ListBooksRequest.getDefaultInstance());
        List<Book> history = books(ListBooksRequest.newBuilder()
                .setCategory(BookCategory.BOOK_CATEGORY_HISTORY)
                .build());

        assertThat(all).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(all).extracting(Book::getBookId).isSorted().doesNotHaveDuplicates();
        assertThat(history).isNotEmpty().allMatch(book -> book.getCategory() == BookCategory.BOOK_CATEGORY_HISTORY);
        assertThat(all).containsAll(history);
    }

    @Test
    void uploadStoresValidRatingsAndExplainsRejections() throws Exception {
        Book before = recommendations
                .getBook(GetBookRequest.newBuilder().setBookId("B0100").build())
                .getBook();
        // A user's new rating of a book replaces the old one, so only first-time raters add to the count.
        long newRaters = Stream.of("U0900", "U0901")
                .filter(userId ->
                        !server.backend().bookStore().loadRatingsBy(userId).containsKey("B0100"))
                .count();

        UploadBookRatingsResponse summary = upload(List.of(
                rating("U0900", "B0100", 5),
                rating("U0901", "B0100", 4),
                rating("U0902", "B0100", 9),
                rating("U0903", "B9999", 3),
                rating("U9999", "B0100", 3)));

        assertThat(summary.getAcceptedCount()).isEqualTo(2);
        assertThat(summary.getRejectedCount()).isEqualTo(3);
        assertThat(summary.getRejections(0).getIndex()).isEqualTo(2);
        assertThat(summary.getRejections(0).getReason()).contains("rating: 9 (expected: 1 to 5 stars)");
        assertThat(summary.getRejections(1).getReason()).contains("B9999");
        assertThat(summary.getRejections(2).getReason()).contains("U9999");
        Book after = recommendations
                .getBook(GetBookRequest.newBuilder().setBookId("B0100").build())
                .getBook();
        assertThat(after.getRatingCount()).isEqualTo(before.getRatingCount() + newRaters);
        assertThat(server.backend().bookStore().loadRatingsBy("U0900")).containsEntry("B0100", 5);
    }

    @Test
    void resentUploadWithIdempotencyKeysStoresNothingTwice() throws Exception {
        List<UploadBookRatingsRequest> ratings = List.of(
                rating("U0910", "B0110", 3).toBuilder()
                        .setIdempotencyKey("u0910-b0110")
                        .build(),
                rating("U0911", "B0110", 4).toBuilder()
                        .setIdempotencyKey("u0911-b0110")
                        .build());
        UploadBookRatingsResponse first = upload(ratings);
        Book afterFirst = recommendations
                .getBook(GetBookRequest.newBuilder().setBookId("B0110").build())
                .getBook();

        UploadBookRatingsResponse resent = upload(ratings);

        assertThat(first.getAcceptedCount()).isEqualTo(2);
        assertThat(first.getAlreadyStoredCount()).isZero();
        assertThat(resent.getAcceptedCount()).isZero();
        assertThat(resent.getAlreadyStoredCount()).isEqualTo(2);
        assertThat(recommendations
                        .getBook(GetBookRequest.newBuilder().setBookId("B0110").build())
                        .getBook())
                .isEqualTo(afterFirst);
    }

    @Test
    void sessionSendsRecommendationsAndNewOnesAfterAnAction() throws Exception {
        RecordingObserver<RecommendationSessionResponse> answers = new RecordingObserver<>();
        StreamObserver<RecommendationSessionRequest> session = recommendationsAsync.recommendationSession(answers);
        session.onNext(RecommendationSessionRequest.newBuilder()
                .setStart(SessionStart.newBuilder().setUserId("U0042").setMaxResults(5))
                .build());
        await().until(() -> answers.values().size() == 1);
        RecommendationSessionResponse first = answers.values().get(0);
        assertThat(first.getRecommendationsList()).hasSize(5);
        assertThat(first.getActionsApplied()).isZero();
        String dismissed = first.getRecommendations(0).getBook().getBookId();

        session.onNext(RecommendationSessionRequest.newBuilder()
                .setAction(
                        UserAction.newBuilder().setBookId(dismissed).setType(UserActionType.USER_ACTION_TYPE_DISMISSED))
                .build());

        await().until(() -> answers.values().size() == 2);
        RecommendationSessionResponse second = answers.values().get(1);
        assertThat(second.getActionsApplied()).isEqualTo(1);
        assertThat(second.getRecommendationsList())
                .hasSize(5)
                .noneMatch(
                        recommendation -> recommendation.getBook().getBookId().equals(dismissed));
        session.onCompleted();
        answers.completed().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sessionThatActsBeforeStartingIsInvalid() throws Exception {
        RecordingObserver<RecommendationSessionResponse> answers = new RecordingObserver<>();
        StreamObserver<RecommendationSessionRequest> session = recommendationsAsync.recommendationSession(answers);
        session.onNext(RecommendationSessionRequest.newBuilder()
                .setAction(UserAction.newBuilder().setBookId("B0001").setType(UserActionType.USER_ACTION_TYPE_LIKED))
                .build());

        Throwable failure = answers.error().get(10, TimeUnit.SECONDS);
        assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Status.fromThrowable(failure).getDescription())
                .isEqualTo("action: sent before start (expected: a start message first)");
    }

    private List<Book> books(ListBooksRequest request) {
        Iterator<ListBooksResponse> stream = recommendations.listBooks(request);
        List<Book> books = new java.util.ArrayList<>();
        stream.forEachRemaining(response -> books.add(response.getBook()));
        return books;
    }

    private UploadBookRatingsResponse upload(List<UploadBookRatingsRequest> ratings) throws Exception {
        return ResponseFuture.sendAll(recommendationsAsync::uploadBookRatings, ratings);
    }

    static UploadBookRatingsRequest rating(String userId, String bookId, int stars) {
        return UploadBookRatingsRequest.newBuilder()
                .setUserId(userId)
                .setBookId(bookId)
                .setRating(stars)
                .build();
    }
}
