package io.tickscope.server.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.recommendation.v1.RatingRejection;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.server.recommendation.RatingUpload;
import java.util.concurrent.Executor;

/**
 * One client-streamed rating upload. The upload blocks on the database and must see ratings one at a time,
 * in stream order, so every step runs on a sequential view of the blocking executor. The summary is sent
 * only after {@link RatingUpload#finish()} committed everything: an acknowledged rating is a stored rating.
 * When the client cancels, the remaining work is skipped; chunks already committed stay stored.
 */
final class UploadStream implements StreamObserver<UploadBookRatingsRequest> {

    private final RatingUpload upload;
    private final StreamObserver<UploadBookRatingsResponse> responseObserver;
    private final ServiceRequestContext ctx;
    private final Executor uploadThread;
    private long nextIndex;

    // Touched only on uploadThread.
    private boolean failed;

    UploadStream(RatingUpload upload, StreamObserver<UploadBookRatingsResponse> responseObserver) {
        this.upload = upload;
        this.responseObserver = responseObserver;
        this.ctx = ServiceRequestContext.current();
        this.uploadThread = MoreExecutors.newSequentialExecutor(ctx.blockingTaskExecutor());
    }

    @Override
    public void onNext(UploadBookRatingsRequest rating) {
        long index = nextIndex++;
        runOnUploadThread(() -> upload.offer(
                index, rating.getUserId(), rating.getBookId(), rating.getRating(), rating.getIdempotencyKey()));
    }

    @Override
    public void onError(Throwable cause) {
        // The client went away before completing: nothing to answer, and nothing unacknowledged to keep.
    }

    @Override
    public void onCompleted() {
        runOnUploadThread(() -> {
            UploadBookRatingsResponse summary = toProto(upload.finish());
            responseObserver.onNext(summary);
            responseObserver.onCompleted();
        });
    }

    private void runOnUploadThread(Runnable step) {
        uploadThread.execute(() -> {
            if (failed || ctx.isCancelled()) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                failed = true;
                responseObserver.onError(e);
            }
        });
    }

    private static UploadBookRatingsResponse toProto(RatingUpload.Summary summary) {
        UploadBookRatingsResponse.Builder response = UploadBookRatingsResponse.newBuilder()
                .setAcceptedCount(summary.acceptedCount())
                .setAlreadyStoredCount(summary.alreadyStoredCount())
                .setRejectedCount(summary.rejectedCount());
        for (RatingUpload.Rejection rejection : summary.rejections()) {
            response.addRejections(RatingRejection.newBuilder()
                    .setIndex(rejection.index())
                    .setBookId(rejection.bookId())
                    .setReason(rejection.reason()));
        }
        return response.build();
    }
}
