package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.ClientCallStreamObserver;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UserAction;

/**
 * The sending side of an open recommendation session. Safe from any thread: the user's clicks and an
 * autopilot may act at once, and each message goes out whole.
 */
public final class LiveSession {

    private final ClientCallStreamObserver<RecommendationSessionRequest> requests;

    // Guarded by this.
    private boolean ended;

    LiveSession(ClientCallStreamObserver<RecommendationSessionRequest> requests) {
        this.requests = requests;
    }

    synchronized void start(SessionStart start) {
        if (ended) {
            return; // The call failed as it started; its listener heard why.
        }
        requests.onNext(
                RecommendationSessionRequest.newBuilder().setStart(start).build());
    }

    /**
     * Sends that the user did {@code type} with book {@code bookId}, giving {@code stars} (1 to 5) when rating;
     * returns false, sending nothing, once the session has ended.
     */
    public synchronized boolean act(String bookId, ActionType type, int stars) {
        requireNonNull(bookId, "bookId");
        requireNonNull(type, "type");
        if (ended) {
            return false;
        }
        requests.onNext(RecommendationSessionRequest.newBuilder()
                .setAction(UserAction.newBuilder()
                        .setBookId(bookId)
                        .setType(type.toProto())
                        .setRating(type == ActionType.RATED ? stars : 0))
                .build());
        return true;
    }

    /**
     * Returns whether the transport takes another action without queueing it: a sender that acts on its own
     * (an autopilot) skips a beat when not, so a slow server never makes it buffer without bound.
     */
    public synchronized boolean isReady() {
        return !ended && requests.isReady();
    }

    /** Ends the session politely: the server answers what it has and completes the stream. */
    public synchronized void close() {
        if (!ended) {
            ended = true;
            requests.onCompleted();
        }
    }

    /** Marks the session ended because the stream closed; later actions are not sent. */
    synchronized void streamClosed() {
        ended = true;
    }
}
