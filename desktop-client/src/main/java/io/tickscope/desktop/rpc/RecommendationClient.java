package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.ListBooksResponse;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RatingToUpload;
import io.tickscope.desktop.model.UploadSummary;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The recommendation service's streams as plain listeners and futures: a live session (bidirectional), the
 * catalogue listing (server stream) and rating uploads (client stream). Finite calls carry a deadline; the
 * open-ended session ends when its owner closes it.
 */
public final class RecommendationClient {

    /** How long a catalogue listing may take. */
    public static final Duration LISTING_DEADLINE = Duration.ofSeconds(30);

    /** How long an upload may take, however large the file. */
    public static final Duration UPLOAD_DEADLINE = Duration.ofMinutes(5);

    private final RecommendationServiceStub stub;
    private final ConnectionMonitor connection;
    private final ScheduledExecutorService scheduler;

    /**
     * Calls over {@code channel}, which the caller owns and whose state {@code connection} follows; sessions
     * schedule their reopening on {@code scheduler}.
     */
    public RecommendationClient(Channel channel, ConnectionMonitor connection, ScheduledExecutorService scheduler) {
        this.stub = RecommendationServiceGrpc.newStub(requireNonNull(channel, "channel"));
        this.connection = requireNonNull(connection, "connection");
        this.scheduler = requireNonNull(scheduler, "scheduler");
    }

    /**
     * Opens a session for {@code userId} recommending at most {@code maxResults} (1 to 100) books from
     * {@code category}. The listener hears the first recommendations, then each change; when the server goes
     * away, the session reopens by itself once it is back.
     */
    public LiveSession openSession(String userId, Category category, int maxResults, SessionListener listener) {
        requireNonNull(userId, "userId");
        requireNonNull(category, "category");
        SessionStart start = SessionStart.newBuilder()
                .setUserId(userId)
                .setCategory(RecommendationMessages.toProto(category))
                .setMaxResults(maxResults)
                .build();
        return LiveSession.open(stub, start, listener, scheduler, Resubscriber.BACKOFF, connection);
    }

    /** Streams the books of {@code category} in book id order, each as it arrives. */
    public CallHandle listBooks(Category category, StreamListener<BookRow> listener) {
        requireNonNull(category, "category");
        requireNonNull(listener, "listener");
        ListBooksRequest request = ListBooksRequest.newBuilder()
                .setCategory(RecommendationMessages.toProto(category))
                .build();
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> stub.withDeadlineAfter(LISTING_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .listBooks(request, new ListingObserver(listener, call)));
        return () -> call.cancel(null);
    }

    /**
     * Sends {@code ratings} as fast as the transport takes them, reporting the count sent so far to {@code
     * onSent} (on a gRPC thread). The future completes with the server's summary once it stored every accepted
     * rating; it fails when a rating cannot be read or the call fails, and cancelling it cancels the upload.
     */
    public CompletableFuture<UploadSummary> uploadRatings(Iterator<RatingToUpload> ratings, LongConsumer onSent) {
        UploadObserver observer =
                new UploadObserver(requireNonNull(ratings, "ratings"), requireNonNull(onSent, "onSent"));
        Context.CancellableContext call = Context.current().withCancellation();
        call.run(() -> stub.withDeadlineAfter(UPLOAD_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .uploadBookRatings(observer));
        // Cancels the call when the caller cancelled the future; otherwise it only ends the context's lifetime.
        observer.summary.whenComplete((summary, failure) -> call.cancel(null));
        return observer.summary;
    }

    private static final class ListingObserver implements StreamObserver<ListBooksResponse> {

        private final StreamListener<BookRow> listener;
        private final Context.CancellableContext call;

        ListingObserver(StreamListener<BookRow> listener, Context.CancellableContext call) {
            this.listener = listener;
            this.call = call;
        }

        @Override
        public void onNext(ListBooksResponse response) {
            listener.onItem(RecommendationMessages.fromProto(response.getBook()));
        }

        @Override
        public void onError(Throwable failure) {
            call.cancel(null);
            listener.onEnd(RpcErrors.describe(failure));
        }

        @Override
        public void onCompleted() {
            // A cancellable context must be cancelled once its call is over, or its listeners leak.
            call.cancel(null);
            listener.onEnd(null);
        }
    }

    /**
     * Sends ratings while the transport is ready and resumes on its ready signal (grpc-java's manual flow
     * control), so a large file never piles up in memory. All of it runs on gRPC's serialized callbacks.
     */
    private static final class UploadObserver
            implements ClientResponseObserver<UploadBookRatingsRequest, UploadBookRatingsResponse> {

        final CompletableFuture<UploadSummary> summary = new CompletableFuture<>();
        private final Iterator<RatingToUpload> ratings;
        private final LongConsumer onSent;
        private @Nullable ClientCallStreamObserver<UploadBookRatingsRequest> requests;
        private @Nullable UploadBookRatingsResponse response;
        private long sent;
        private boolean allSent;

        UploadObserver(Iterator<RatingToUpload> ratings, LongConsumer onSent) {
            this.ratings = ratings;
            this.onSent = onSent;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<UploadBookRatingsRequest> requestStream) {
            requests = requestStream;
            requestStream.setOnReadyHandler(this::sendWhileReady);
        }

        private void sendWhileReady() {
            ClientCallStreamObserver<UploadBookRatingsRequest> stream = requireNonNull(requests, "requests");
            try {
                while (!allSent && !summary.isDone() && stream.isReady()) {
                    if (ratings.hasNext()) {
                        RatingToUpload rating = ratings.next();
                        stream.onNext(UploadBookRatingsRequest.newBuilder()
                                .setUserId(rating.userId())
                                .setBookId(rating.bookId())
                                .setRating(rating.stars())
                                .build());
                        onSent.accept(++sent);
                    } else {
                        allSent = true;
                        stream.onCompleted();
                    }
                }
            } catch (RuntimeException readFailure) {
                allSent = true;
                summary.completeExceptionally(readFailure);
                stream.cancel("reading the ratings failed", readFailure);
            }
        }

        @Override
        public void onNext(UploadBookRatingsResponse value) {
            response = value;
        }

        @Override
        public void onError(Throwable failure) {
            summary.completeExceptionally(failure);
        }

        @Override
        public void onCompleted() {
            summary.complete(
                    RecommendationMessages.fromProto(requireNonNull(response, "response: none before completion")));
        }
    }
}
