package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionResponse;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UserAction;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.model.ActionType;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * An open recommendation session that outlives its calls: when the server goes away or restarts, the session
 * reopens by itself (through the same {@link Resubscriber} as the price watch) with the same user and
 * category, and actions flow again. Safe from any thread: the user's clicks and an autopilot may act at once,
 * and each message goes out whole.
 */
public final class LiveSession implements AutoCloseable {

    private final RecommendationServiceStub stub;
    private final SessionStart start;
    private final SessionListener listener;
    private final Resubscriber<SessionCall> resubscriber;

    private LiveSession(
            RecommendationServiceStub stub,
            SessionStart start,
            SessionListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection) {
        this.stub = stub;
        this.start = start;
        this.listener = listener;
        this.resubscriber = new Resubscriber<>(new Calls(), scheduler, backoff, connection);
    }

    static LiveSession open(
            RecommendationServiceStub stub,
            SessionStart start,
            SessionListener listener,
            ScheduledExecutorService scheduler,
            Backoff backoff,
            ConnectionMonitor connection) {
        LiveSession session =
                new LiveSession(stub, start, requireNonNull(listener, "listener"), scheduler, backoff, connection);
        session.resubscriber.start();
        return session;
    }

    /**
     * Sends that the user did {@code type} with book {@code bookId}, giving {@code stars} (1 to 5) when rating;
     * returns false, sending nothing, while the session is reopening and once it has ended.
     */
    public boolean act(String bookId, ActionType type, int stars) {
        requireNonNull(bookId, "bookId");
        requireNonNull(type, "type");
        SessionCall call = resubscriber.current();
        return call != null
                && call.send(RecommendationSessionRequest.newBuilder()
                        .setAction(UserAction.newBuilder()
                                .setBookId(bookId)
                                .setType(RecommendationMessages.toProto(type))
                                .setRating(type == ActionType.RATED ? stars : 0))
                        .build());
    }

    /**
     * Returns whether the transport takes another action without queueing it: a sender that acts on its own
     * (an autopilot) skips a beat when not, so a slow or absent server never makes it buffer without bound.
     */
    public boolean isReady() {
        SessionCall call = resubscriber.current();
        return call != null && call.isReady();
    }

    /**
     * Ends the session politely: the server answers what it has and completes the stream, and the listener
     * hears those answers and the end. Nothing reopens after this.
     */
    @Override
    public void close() {
        resubscriber.close();
    }

    /** How the session opens and closes its calls, and what it tells the listener when one ends. */
    private final class Calls implements Resubscriber.Calls<SessionCall> {

        @Override
        public SessionCall newAttempt() {
            return new SessionCall();
        }

        @Override
        public void start(SessionCall call) {
            // Waiting for ready: a session reopened while the channel reconnects waits for it instead of failing.
            stub.withWaitForReady().recommendationSession(call);
            call.send(RecommendationSessionRequest.newBuilder().setStart(start).build());
        }

        @Override
        public void stop(SessionCall call) {
            call.endPolitely();
        }

        @Override
        public void interrupted(Status status, Duration retryIn) {
            listener.onInterrupted(RpcErrors.describe(status) + "; reopening in "
                    + String.format(Locale.ROOT, "%.1f s", retryIn.toMillis() / 1e3));
        }

        @Override
        public void failed(Status status) {
            listener.onEnd(status.isOk() ? null : RpcErrors.describe(status));
        }
    }

    /**
     * One call of the session. While it is the current one, its end goes through the resubscriber; once the
     * owner closed the session, its last answers and its end go straight to the listener.
     */
    private final class SessionCall
            implements ClientResponseObserver<RecommendationSessionRequest, RecommendationSessionResponse> {

        // Guarded by this: the request stream takes one message at a time.
        private @Nullable ClientCallStreamObserver<RecommendationSessionRequest> requests;
        private boolean ended;
        private boolean answered;

        @Override
        public synchronized void beforeStart(ClientCallStreamObserver<RecommendationSessionRequest> requestStream) {
            requests = requestStream;
            if (ended) {
                // Closed between choosing this call and starting it: there is nothing to say.
                requestStream.cancel("session closed", null);
            }
        }

        synchronized boolean send(RecommendationSessionRequest request) {
            if (ended || requests == null) {
                return false;
            }
            requests.onNext(request);
            return true;
        }

        synchronized boolean isReady() {
            return !ended && requests != null && requests.isReady();
        }

        synchronized void endPolitely() {
            if (!ended) {
                ended = true;
                if (requests != null) {
                    requests.onCompleted();
                }
            }
        }

        @Override
        public void onNext(RecommendationSessionResponse response) {
            // The first answer proves the session works again: the backoff starts over at the next failure.
            if (!answered) {
                answered = true;
                resubscriber.recovered(this);
            }
            listener.onItem(RecommendationMessages.fromProto(response));
        }

        @Override
        public void onError(Throwable failure) {
            end(Status.fromThrowable(failure));
        }

        @Override
        public void onCompleted() {
            end(Status.OK);
        }

        private void end(Status status) {
            synchronized (this) {
                ended = true;
            }
            if (resubscriber.isCurrent(this)) {
                resubscriber.ended(this, status);
            } else {
                listener.onEnd(status.isOk() ? null : RpcErrors.describe(status));
            }
        }
    }
}
