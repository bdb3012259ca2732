package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.GetBookResponse;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.ListBooksResponse;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendResponse;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionResponse;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.recommendation.BookCategory;
import io.tickscope.server.recommendation.BookStore;
import io.tickscope.server.recommendation.Catalogue;
import io.tickscope.server.recommendation.RatingUpload;
import io.tickscope.server.recommendation.Recommender;
import io.tickscope.server.recommendation.TasteProfile;
import io.tickscope.server.user.UserStore;
import org.jspecify.annotations.Nullable;

/** Serves {@code tickscope.recommendation.v1.RecommendationService} over the catalogue and the recommender. */
final class RecommendationGrpcService extends RecommendationServiceGrpc.RecommendationServiceImplBase {

    private final Catalogue catalogue;
    private final Recommender recommender;
    private final BookStore books;
    private final UserStore users;
    private final LiveStreams liveStreams;

    RecommendationGrpcService(
            Catalogue catalogue, Recommender recommender, BookStore books, UserStore users, LiveStreams liveStreams) {
        this.catalogue = requireNonNull(catalogue, "catalogue");
        this.recommender = requireNonNull(recommender, "recommender");
        this.books = requireNonNull(books, "books");
        this.users = requireNonNull(users, "users");
        this.liveStreams = requireNonNull(liveStreams, "liveStreams");
    }

    @Override
    public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        Identifiers.check(violations, "user_id", request.getUserId(), "U0042");
        @Nullable
        BookCategory category =
                RecommendationMessages.categoryFromProto(request.getCategoryValue(), violations, "category");
        int maxResults = RecommendationMessages.maxResultsFromProto(request.getMaxResults(), violations, "max_results");
        violations.throwIfAny();
        BlockingUnary.respond(responseObserver, () -> {
            TasteProfile profile = loadProfile(request.getUserId());
            return RecommendResponse.newBuilder()
                    .addAllRecommendations(
                            RecommendationMessages.toProto(recommender.recommend(profile, category, maxResults)))
                    .build();
        });
    }

    @Override
    public void getBook(GetBookRequest request, StreamObserver<GetBookResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        Identifiers.check(violations, "book_id", request.getBookId(), "B0042");
        violations.throwIfAny();
        responseObserver.onNext(GetBookResponse.newBuilder()
                .setBook(RecommendationMessages.toProto(catalogue.book(request.getBookId())))
                .build());
        responseObserver.onCompleted();
    }

    @Override
    public void listBooks(ListBooksRequest request, StreamObserver<ListBooksResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        @Nullable
        BookCategory category =
                RecommendationMessages.categoryFromProto(request.getCategoryValue(), violations, "category");
        violations.throwIfAny();
        FlowControlledSender.start(
                catalogue.books(category).iterator(),
                book -> ListBooksResponse.newBuilder()
                        .setBook(RecommendationMessages.toProto(book))
                        .build(),
                (ServerCallStreamObserver<ListBooksResponse>) responseObserver,
                liveStreams);
    }

    @Override
    public StreamObserver<UploadBookRatingsRequest> uploadBookRatings(
            StreamObserver<UploadBookRatingsResponse> responseObserver) {
        return new UploadStream(
                new RatingUpload(
                        books, catalogue, userId -> users.findUser(userId).isPresent()),
                responseObserver);
    }

    @Override
    public StreamObserver<RecommendationSessionRequest> recommendationSession(
            StreamObserver<RecommendationSessionResponse> responseObserver) {
        return SessionStream.open(
                (ServerCallStreamObserver<RecommendationSessionResponse>) responseObserver,
                userId -> loadProfile(userId),
                catalogue,
                recommender,
                liveStreams);
    }

    private TasteProfile loadProfile(String userId) {
        if (users.findUser(userId).isEmpty()) {
            throw new NotFoundException("user", userId);
        }
        return TasteProfile.ofRatings(books.loadRatingsBy(userId), catalogue);
    }
}
