package io.tickscope.server.faults;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc.RecommendationServiceStub;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.testing.ResponseFuture;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A client that uploads keyed ratings the way a careful one would against a server that may die at any moment:
 * a rating is acknowledged only when the summary of the upload that carried it arrives, and everything not
 * acknowledged is sent again, with the same keys, in the next upload.
 *
 * <p>Acknowledged means stored: the server answers only after committing every rating of the upload. An upload
 * cut short may have stored some of its ratings (each chunk of 500 commits on its own) or all of them (the
 * summary lost on the way); the keys make their resend a no-op that the next summary counts as already stored.
 */
final class KeyedRatingUploader {

    private final Deque<UploadBookRatingsRequest> pending;
    private final List<UploadBookRatingsRequest> acknowledged = new ArrayList<>();
    private final Random random;
    private final int maxUploadSize;
    private long acceptedCount;
    private long alreadyStoredCount;
    private long rejectedCount;
    private int failedUploads;
    /** How many ratings are acknowledged, readable from another thread while this one uploads. */
    private volatile int acknowledgedCount;

    /** Will upload {@code ratings} in order, in uploads of 1 to {@code maxUploadSize} ratings drawn from {@code random}. */
    KeyedRatingUploader(List<UploadBookRatingsRequest> ratings, Random random, int maxUploadSize) {
        this.pending = new ArrayDeque<>(ratings);
        this.random = requireNonNull(random, "random");
        this.maxUploadSize = maxUploadSize;
    }

    /**
     * Uploads pending ratings to the server at {@code uri}, one upload after another, until all are acknowledged
     * or an upload fails, as it does when the server dies; the failed upload's ratings stay pending.
     */
    void uploadUntilDoneOrFailed(URI uri) {
        RecommendationServiceStub stub = GrpcClients.newClient(uri, RecommendationServiceStub.class);
        while (!pending.isEmpty()) {
            List<UploadBookRatingsRequest> upload = new ArrayList<>();
            int size = 1 + random.nextInt(maxUploadSize);
            for (UploadBookRatingsRequest rating : pending) {
                if (upload.size() == size) {
                    break;
                }
                upload.add(rating);
            }
            UploadBookRatingsResponse summary;
            try {
                summary = send(stub.withDeadlineAfter(30, TimeUnit.SECONDS), upload);
            } catch (Exception e) {
                failedUploads++;
                return;
            }
            upload.forEach(rating -> pending.removeFirst());
            acknowledged.addAll(upload);
            acknowledgedCount = acknowledged.size();
            acceptedCount += summary.getAcceptedCount();
            alreadyStoredCount += summary.getAlreadyStoredCount();
            rejectedCount += summary.getRejectedCount();
        }
    }

    /** Returns whether every rating is acknowledged. */
    boolean isDone() {
        return pending.isEmpty();
    }

    /** Returns the ratings acknowledged so far, in upload order. */
    List<UploadBookRatingsRequest> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Returns how many ratings are acknowledged so far; safe to call while another thread uploads. */
    int acknowledgedCount() {
        return acknowledgedCount;
    }

    /** Returns the sum of accepted_count over every summary received. */
    long acceptedCount() {
        return acceptedCount;
    }

    /** Returns the sum of already_stored_count over every summary received. */
    long alreadyStoredCount() {
        return alreadyStoredCount;
    }

    /** Returns the sum of rejected_count over every summary received. */
    long rejectedCount() {
        return rejectedCount;
    }

    /** Returns how many uploads failed and were sent again. */
    int failedUploads() {
        return failedUploads;
    }

    private static UploadBookRatingsResponse send(RecommendationServiceStub stub, List<UploadBookRatingsRequest> upload)
            throws Exception {
        return ResponseFuture.sendAll(stub::uploadBookRatings, upload);
    }
}
