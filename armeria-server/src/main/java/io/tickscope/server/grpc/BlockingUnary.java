package io.tickscope.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * Answers a unary call with work that blocks (the database), run on Armeria's blocking executor so that the
 * event loop never waits. Work is skipped when the client has cancelled or its deadline passed meanwhile.
 */
final class BlockingUnary {

    private BlockingUnary() {}

    static <T> void respond(StreamObserver<T> responseObserver, Supplier<T> work) {
        ServiceRequestContext ctx = ServiceRequestContext.current();
        ctx.blockingTaskExecutor().execute(() -> {
            if (ctx.isCancelled()) {
                return;
            }
            T response;
            try {
                response = work.get();
            } catch (RuntimeException e) {
                responseObserver.onError(e);
                return;
            }
            responseObserver.onNext(response);
            responseObserver.onCompleted();
        });
    }
}
