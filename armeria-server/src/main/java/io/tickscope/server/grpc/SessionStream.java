package io.tickscope.server.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionResponse;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.recommendation.BookCategory;
import io.tickscope.server.recommendation.Catalogue;
import io.tickscope.server.recommendation.Recommendation;
import io.tickscope.server.recommendation.RecommendationSession;
import io.tickscope.server.recommendation.Recommender;
import io.tickscope.server.recommendation.TasteProfile;
import io.tickscope.server.recommendation.UserAction;
import io.tickscope.shared.time.InstantProtos;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One bidirectional recommendation session: a start, then the user's actions in; the recommendations out
 * each time they change.
 *
 * <p>Requests are handled one at a time, in order, on a sequential view of the blocking executor (the start
 * loads the user's ratings from the database). Responses hop to the call's event loop, the only thread that
 * touches the call. A client that reads slower than it acts gets only the newest recommendations: a
 * response waiting for the transport is replaced by a newer one, never queued behind it.
 */
final class SessionStream implements StreamObserver<RecommendationSessionRequest> {

    private final ServerCallStreamObserver<RecommendationSessionResponse> call;
    private final Function<String, TasteProfile> profileLoader;
    private final Catalogue catalogue;
    private final Recommender recommender;
    private final Executor requestThread;
    private final Executor callThread;
    private Runnable untrack = () -> {};

    // Touched only on requestThread.
    private @Nullable RecommendationSession session;
    private volatile boolean closed;

    // Touched only on callThread.
    private @Nullable RecommendationSessionResponse waitingForTransport;

    private SessionStream(
            ServerCallStreamObserver<RecommendationSessionResponse> call,
            Function<String, TasteProfile> profileLoader,
            Catalogue catalogue,
            Recommender recommender,
            ServiceRequestContext ctx) {
        this.call = call;
        this.profileLoader = profileLoader;
        this.catalogue = catalogue;
        this.recommender = recommender;
        this.requestThread = MoreExecutors.newSequentialExecutor(ctx.blockingTaskExecutor());
        this.callThread = ctx.eventLoop();
    }

    /** Opens the session on {@code call}; must run inside the service method, before it returns. */
    static SessionStream open(
            ServerCallStreamObserver<RecommendationSessionResponse> call,
            Function<String, TasteProfile> profileLoader,
            Catalogue catalogue,
            Recommender recommender,
            LiveStreams liveStreams) {
        ServiceRequestContext ctx = ServiceRequestContext.current();
        SessionStream stream = new SessionStream(call, profileLoader, catalogue, recommender, ctx);
        stream.untrack = liveStreams.register(ctx.eventLoop(), stream::closeWith);
        call.setOnReadyHandler(stream::sendWaiting);
        call.setOnCancelHandler(stream::markClosed);
        return stream;
    }

    @Override
    public void onNext(RecommendationSessionRequest request) {
        requestThread.execute(() -> {
            if (closed) {
                return;
            }
            try {
                handle(request);
            } catch (RuntimeException e) {
                callThread.execute(() -> fail(e));
            }
        });
    }

    @Override
    public void onError(Throwable cause) {
        markClosed();
    }

    @Override
    public void onCompleted() {
        requestThread.execute(() -> callThread.execute(() -> {
            if (!closed) {
                sendWaiting();
                markClosed();
                call.onCompleted();
            }
        }));
    }

    private void handle(RecommendationSessionRequest request) {
        switch (request.getEventCase()) {
            case START:
                start(request.getStart());
                break;
            case ACTION:
                act(request.getAction());
                break;
            default:
                throw InvalidArgumentException.of("event", "not set (expected: start or action)");
        }
    }

    private void start(SessionStart start) {
        if (session != null) {
            throw InvalidArgumentException.of("start", "sent twice (expected: once, as the first message)");
        }
        RequestViolations violations = new RequestViolations();
        Identifiers.check(violations, "start.user_id", start.getUserId(), "U0042");
        @Nullable
        BookCategory category =
                RecommendationMessages.categoryFromProto(start.getCategoryValue(), violations, "start.category");
        int maxResults =
                RecommendationMessages.maxResultsFromProto(start.getMaxResults(), violations, "start.max_results");
        violations.throwIfAny();
        RecommendationSession opened = new RecommendationSession(
                recommender, catalogue, profileLoader.apply(start.getUserId()), category, maxResults);
        session = opened;
        respond(opened.current(), opened.actionsApplied());
    }

    private void act(io.tickscope.api.recommendation.v1.UserAction action) {
        RecommendationSession current = session;
        if (current == null) {
            throw InvalidArgumentException.of("action", "sent before start (expected: a start message first)");
        }
        current.apply(new UserAction(
                        action.getBookId(),
                        RecommendationMessages.actionTypeFromProto(action.getType()),
                        action.getRating()))
                .ifPresent(recommendations -> respond(recommendations, current.actionsApplied()));
    }

    private void respond(List<Recommendation> recommendations, long actionsApplied) {
        RecommendationSessionResponse response = RecommendationSessionResponse.newBuilder()
                .addAllRecommendations(RecommendationMessages.toProto(recommendations))
                .setActionsApplied(actionsApplied)
                .setGenerateTime(InstantProtos.toProto(Instant.now()))
                .build();
        callThread.execute(() -> {
            waitingForTransport = response;
            sendWaiting();
        });
    }

    private void sendWaiting() {
        RecommendationSessionResponse response = waitingForTransport;
        if (!closed && response != null && call.isReady()) {
            waitingForTransport = null;
            call.onNext(response);
        }
    }

    private void fail(RuntimeException cause) {
        if (!closed) {
            markClosed();
            call.onError(cause);
        }
    }

    private void closeWith(Status status) {
        fail(status.asRuntimeException());
    }

    private void markClosed() {
        closed = true;
        untrack.run();
    }
}
