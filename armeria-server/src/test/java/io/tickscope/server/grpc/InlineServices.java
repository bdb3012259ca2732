package io.tickscope.server.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.util.SafeCloseable;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Tickscope's gRPC services over a real backend (a seeded SQLite database in a temporary directory), called
 * in the test's own thread without a network, so that a fuzzer can drive thousands of calls a second.
 *
 * <p>The services run exactly as under Armeria, inside a service request context, except that the context's
 * event loop and its blocking executor are one Netty embedded event loop: a task they hand off runs when
 * {@link #call} drains the loop, before it returns. Every call ends the way a client would see it: a thrown
 * exception or an error goes through {@link TickscopeExceptionHandler}, the server's own mapping.
 */
final class InlineServices implements AutoCloseable {

    /** The statuses bad input may earn; anything else, UNKNOWN and INTERNAL above all, is a bug. */
    private static final Set<Status.Code> STATUSES_FOR_BAD_INPUT =
            EnumSet.of(Status.Code.INVALID_ARGUMENT, Status.Code.OUT_OF_RANGE, Status.Code.NOT_FOUND);

    private static final long SEED = 42;
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final Path dataDirectory;
    private final Backend backend;
    private final EmbeddedChannel loopOwner = new EmbeddedChannel();
    private final ServiceRequestContext ctx;
    private final TickscopeExceptionHandler exceptionHandler = new TickscopeExceptionHandler(ServerLimits.defaults());
    private final LiveStreams liveStreams = new LiveStreams();
    private final PricingGrpcService pricing;
    private final RecommendationGrpcService recommendation;
    private final UserGrpcService user;

    private InlineServices(Path dataDirectory, Backend backend) {
        this.dataDirectory = dataDirectory;
        this.backend = backend;
        EventLoop loop = loopOwner.eventLoop();
        ctx = ServiceRequestContext.builder(HttpRequest.of(HttpMethod.POST, "/fuzz"))
                .eventLoop(loop)
                .serverConfigurator(sb -> sb.blockingTaskExecutor(loop, false))
                .build();
        pricing = new PricingGrpcService(
                backend.priceBook(), backend.productStore(), backend.priceHistory(), liveStreams);
        recommendation = new RecommendationGrpcService(
                backend.catalogue(), backend.recommender(), backend.bookStore(), backend.userStore(), liveStreams);
        user = new UserGrpcService(backend.userStore());
    }

    /**
     * Opens a fresh backend, seeded as the server seeds it on first start, with its market standing still. Its
     * database lives in shared memory where the machine has it: the store syncs every commit to disk, which would
     * otherwise cap a fuzzer at about a thousand stored changes a second.
     */
    static InlineServices open() {
        Path directory;
        try {
            directory = Files.isDirectory(SHARED_MEMORY)
                    ? Files.createTempDirectory(SHARED_MEMORY, "tickscope-fuzz")
                    : Files.createTempDirectory("tickscope-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InlineServices(directory, Backend.open(directory, SEED, 0, Clock.systemUTC()));
    }

    PricingGrpcService pricing() {
        return pricing;
    }

    RecommendationGrpcService recommendation() {
        return recommendation;
    }

    UserGrpcService user() {
        return user;
    }

    Backend backend() {
        return backend;
    }

    /**
     * Runs the unary method {@code method} with {@code request}, checks that it answers or fails with a
     * status that bad input may earn, and returns the ended call.
     */
    <Q, R> InlineCall<R> callUnary(Q request, UnaryMethod<Q, R> method) {
        InlineCall<R> call = new InlineCall<>(Integer.MAX_VALUE);
        call(call, () -> method.invoke(request, call));
        checkEnded(call);
        return call;
    }

    /**
     * Runs {@code method}, a server-streaming one, with {@code request}; the client reads {@code
     * readMessages} messages and hangs up. Checks that it fails only with a status that bad input may earn.
     */
    <Q, R> void callServerStreaming(Q request, UnaryMethod<Q, R> method, int readMessages) {
        InlineCall<R> call = new InlineCall<>(readMessages);
        call(call, () -> method.invoke(request, call));
        call(call, call::becomeReady);
        call(call, call::cancel);
        checkStatus(call);
    }

    /**
     * Opens a client stream (or a bidirectional one) on {@code method}, lets {@code client} send into it, and
     * checks that the call ends with an answer or with a status that bad input may earn.
     */
    <Q, R> void callClientStreaming(
            Function<StreamObserver<R>, StreamObserver<Q>> method, Consumer<RequestStream<Q>> client) {
        InlineCall<R> call = new InlineCall<>(Integer.MAX_VALUE);
        StreamObserver<Q> requests = callReturning(call, () -> method.apply(call));
        if (requests == null) {
            checkEnded(call);
            return;
        }
        client.accept(new RequestStream<>(this, call, requests));
        call(call, call::becomeReady);
        checkEnded(call);
    }

    /**
     * Calls {@code serviceStep} as Armeria would (in the request context, on the event loop), then runs
     * every task it left on the loop. An exception the step throws ends {@code call}, as Armeria's gRPC
     * service ends a call whose handler throws.
     */
    void call(InlineCall<?> call, Runnable serviceStep) {
        callReturning(call, () -> {
            serviceStep.run();
            return null;
        });
    }

    private <T> @Nullable T callReturning(InlineCall<?> call, Supplier<T> serviceStep) {
        @Nullable T result = null;
        SafeCloseable pushed = ctx.push();
        try {
            result = serviceStep.get();
        } catch (RuntimeException e) {
            if (!call.ended()) {
                call.onError(e);
            }
        } finally {
            pushed.close();
        }
        // A task that throws leaves its call without an answer: the client would hang. That is a finding too.
        loopOwner.runPendingTasks();
        loopOwner.checkException();
        return result;
    }

    private void checkEnded(InlineCall<?> call) {
        if (!call.ended()) {
            throw new AssertionError("the call neither answered nor failed: its client would wait forever");
        }
        checkStatus(call);
    }

    private void checkStatus(InlineCall<?> call) {
        Throwable cause = call.error();
        if (cause == null) {
            return;
        }
        @Nullable Status status = exceptionHandler.apply(ctx, Status.fromThrowable(cause), cause, new Metadata());
        if (status == null || !STATUSES_FOR_BAD_INPUT.contains(status.getCode())) {
            throw new AssertionError(
                    "status: " + status + " (expected: one of " + STATUSES_FOR_BAD_INPUT + " for bad input)", cause);
        }
    }

    /** Stops the backend and deletes its database. */
    @Override
    public void close() {
        loopOwner.finishAndReleaseAll();
        backend.close();
        Directories.deleteRecursively(dataDirectory);
    }

    /** A unary or server-streaming method of a service, such as {@code PricingGrpcService::getPrice}. */
    @FunctionalInterface
    interface UnaryMethod<Q, R> {
        void invoke(Q request, StreamObserver<R> responseObserver);
    }

    /** The client's side of a client stream: sends, completes or cancels, each as a separate transport event. */
    static final class RequestStream<Q> {

        private final InlineServices services;
        private final InlineCall<?> call;
        private final StreamObserver<Q> requests;

        private RequestStream(InlineServices services, InlineCall<?> call, StreamObserver<Q> requests) {
            this.services = services;
            this.call = call;
            this.requests = requests;
        }

        /** Sends {@code request} unless the call has ended already; returns whether the call is still open. */
        boolean send(Q request) {
            if (call.ended()) {
                return false;
            }
            services.call(call, () -> requests.onNext(request));
            return !call.ended();
        }

        /**
         * Sends a message that does not parse: gRPC ends the call with INVALID_ARGUMENT and tells the service
         * that the call is cancelled.
         */
        void sendUnparsable(InvalidProtocolBufferException parseFailure) {
            if (!call.ended()) {
                call.onError(parseFailure);
                services.call(call, () -> requests.onError(Status.CANCELLED.asRuntimeException()));
            }
        }

        /** Half-closes: the client has sent everything. */
        void complete() {
            if (!call.ended()) {
                services.call(call, requests::onCompleted);
            }
        }

        /** Hangs up before the call ended, as gRPC reports it: the cancel handler, then an error. */
        void cancel() {
            if (!call.ended()) {
                services.call(call, call::cancel);
                services.call(call, () -> requests.onError(Status.CANCELLED.asRuntimeException()));
            }
        }
    }
}
