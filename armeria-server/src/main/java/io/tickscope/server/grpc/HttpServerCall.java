package io.tickscope.server.grpc;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A gRPC server call whose client is an HTTP stream (Server-Sent Events or NDJSON): the service method, its
 * interceptors (tokens, rate limit) and its flow control run exactly as for a gRPC client, and each message it
 * sends becomes one event.
 *
 * <h2>Flow control</h2>
 *
 * <p>Events wait in an Armeria {@link StreamWriter} until the HTTP layer takes them, and the HTTP layer takes the
 * next one only once the previous is written to the connection. The call reports ready while fewer than {@value
 * #WINDOW} events wait, and signals on-ready when the HTTP layer takes one again, as a gRPC transport does; a
 * service that honours readiness (WatchPrices conflates into its mailbox, ListBooks pauses its iterator) thus holds
 * a bounded number of events for a reader that stopped reading, never an unbounded queue.
 *
 * <h2>Errors</h2>
 *
 * <p>A call that fails before its stream starts (bad request, unknown product, no token) answers with the HTTP
 * status and JSON error body of every REST route; one that fails later sends that body as its last event. Every
 * method runs on the request's event loop.
 */
final class HttpServerCall<Req, Resp> extends ServerCall<Req, Resp> {

    /** How many events may wait for the connection before the call reports that it is not ready. */
    static final int WINDOW = 16;

    private final ServiceRequestContext ctx;
    private final MethodDescriptor<Req, Resp> method;
    private final HttpStreamFormat format;
    private final ResumeFilter<Resp> resume;
    private final HttpStreamCodec codec;
    private final OpenHttpStreams openStreams;
    private final StreamWriter<HttpStreamEvent> events = StreamMessage.streaming();
    private final CompletableFuture<HttpResponse> response = new CompletableFuture<>();
    private final AtomicInteger unconsumed = new AtomicInteger();

    private ServerCall.Listener<Req> listener = new ServerCall.Listener<>() {};
    private @Nullable ScheduledFuture<?> deadline;
    private boolean started;
    private boolean closed;
    private boolean cancelled;
    private volatile boolean awaitingReady;

    HttpServerCall(
            ServiceRequestContext ctx,
            MethodDescriptor<Req, Resp> method,
            HttpStreamFormat format,
            ResumeFilter<Resp> resume,
            HttpStreamCodec codec,
            OpenHttpStreams openStreams) {
        this.ctx = ctx;
        this.method = method;
        this.format = format;
        this.resume = resume;
        this.codec = codec;
        this.openStreams = openStreams;
    }

    /**
     * Starts the call with {@code request} and returns its HTTP response: an error at once when the call fails
     * before it streams, or else the stream, which ends when the call does, the client leaves or {@code timeout}
     * passes (zero: never). Runs inside the service, on the request's event loop.
     */
    HttpResponse start(ServerCallHandler<Req, Resp> handler, Req request, Duration timeout) {
        try {
            listener = handler.startCall(this, new Metadata());
            if (!closed) {
                listener.onMessage(request);
                listener.onHalfClose();
            }
        } catch (RuntimeException e) {
            failWith(e);
        }
        if (!closed) {
            startStream();
            if (!timeout.isZero()) {
                deadline = ctx.eventLoop().schedule(() -> expire(timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            Runnable untrack = openStreams.track(this);
            events.whenComplete().handle((ignored, cause) -> {
                untrack.run();
                ctx.eventLoop().execute(this::cancelUnlessClosed);
                return null;
            });
            signalReady();
        }
        return HttpResponse.of(response);
    }

    /** Returns how many events wait for the connection: at most {@value #WINDOW} plus what the service sends past it. */
    int unconsumed() {
        return unconsumed.get();
    }

    @Override
    public void request(int numMessages) {
        // The one request message is handed over in start(); there is nothing more to ask for.
    }

    @Override
    public void sendHeaders(Metadata headers) {
        // The HTTP response's headers depend on the format only; gRPC metadata has no place in an event stream.
    }

    @Override
    public boolean isReady() {
        if (closed || cancelled) {
            return false;
        }
        if (unconsumed.get() < WINDOW) {
            return true;
        }
        awaitingReady = true;
        // Checked again after the flag is set, so that an event taken in between is not missed.
        return unconsumed.get() < WINDOW;
    }

    @Override
    public void sendMessage(Resp message) {
        if (closed || cancelled || !resume.admit(message)) {
            return;
        }
        unconsumed.incrementAndGet();
        events.tryWrite(
                new HttpStreamEvent(HttpStreamEvent.Kind.MESSAGE, codec.print(method, message), resume.lastEventId()));
    }

    @Override
    public void close(Status status, Metadata trailers) {
        if (closed) {
            return;
        }
        closed = true;
        ScheduledFuture<?> timer = deadline;
        if (timer != null) {
            timer.cancel(false);
        }
        if (!started) {
            if (!status.isOk()) {
                response.complete(codec.errorResponse(ctx, status, trailers));
                return;
            }
            startStream();
        }
        if (status.isOk()) {
            events.tryWrite(new HttpStreamEvent(HttpStreamEvent.Kind.END, "{}", resume.lastEventId()));
            events.close();
            return;
        }
        codec.errorJson(ctx, status, trailers).handle((json, cause) -> {
            if (json != null) {
                events.tryWrite(new HttpStreamEvent(HttpStreamEvent.Kind.ERROR, json, resume.lastEventId()));
            }
            events.close();
            return null;
        });
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public MethodDescriptor<Req, Resp> getMethodDescriptor() {
        return method;
    }

    private void startStream() {
        started = true;
        response.complete(format.respond(events.map(this::taken)));
    }

    /** The HTTP layer took {@code event} for writing: one fewer waits, and a paused service may send again. */
    private HttpStreamEvent taken(HttpStreamEvent event) {
        if (unconsumed.decrementAndGet() < WINDOW && awaitingReady) {
            awaitingReady = false;
            ctx.eventLoop().execute(this::signalReady);
        }
        return event;
    }

    private void signalReady() {
        if (!closed && !cancelled) {
            try {
                listener.onReady();
            } catch (RuntimeException e) {
                failWith(e);
            }
        }
    }

    private void failWith(RuntimeException e) {
        Metadata trailers = new Metadata();
        close(codec.statusOf(ctx, e, trailers), trailers);
    }

    /** The client's timeout passed: the service stops as on a cancel, and the client hears why. */
    private void expire(Duration timeout) {
        if (closed) {
            return;
        }
        cancelled = true;
        listener.onCancel();
        close(
                Status.DEADLINE_EXCEEDED.withDescription(
                        "the stream's timeout of " + timeout + " passed (expected: a longer timeout, or none)"),
                new Metadata());
    }

    /** The client went away (or the stream ended): a service still running stops, as on a gRPC cancel. */
    private void cancelUnlessClosed() {
        if (!closed && !cancelled) {
            cancelled = true;
            closed = true;
            listener.onCancel();
        }
    }
}
