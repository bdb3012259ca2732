package io.tickscope.server.grpc;

import com.google.protobuf.Message;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Serves one server-streaming gRPC method as an HTTP stream on a GET route: the request message from the query
 * ({@link QueryRequests}), the format from {@code Accept} ({@link HttpStreamFormat}), the resume point from
 * {@code Last-Event-ID} ({@link ResumeFilter}) and the deadline from {@code timeout} ({@link StreamTimeout}). The
 * call itself runs through {@code method}'s handler, the same service implementation and interceptors (tokens,
 * rate limit) that gRPC clients reach, on an {@link HttpServerCall}.
 */
final class HttpStreamService<Req extends Message, Resp> implements HttpService {

    private static final Set<String> STREAM_PARAMETERS = Set.of(StreamTimeout.NAME);

    private final ServerMethodDefinition<Req, Resp> method;
    private final Req requestPrototype;
    private final ResumeFilter.Factory<Req, Resp> resumption;
    private final HttpStreamCodec codec;
    private final OpenHttpStreams openStreams;

    HttpStreamService(
            ServerMethodDefinition<Req, Resp> method,
            Req requestPrototype,
            ResumeFilter.Factory<Req, Resp> resumption,
            HttpStreamCodec codec,
            OpenHttpStreams openStreams) {
        this.method = method;
        this.requestPrototype = requestPrototype;
        this.resumption = resumption;
        this.codec = codec;
        this.openStreams = openStreams;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        // A stream lasts as long as its client wants, or its own timeout says.
        ctx.clearRequestTimeout();
        HttpStreamFormat format;
        try {
            format = HttpStreamFormat.negotiate(req.headers());
        } catch (RuntimeException e) {
            return error(ctx, e).mapHeaders(headers -> headers.toBuilder()
                    .status(HttpStatus.NOT_ACCEPTABLE)
                    .build());
        }
        Req request;
        Duration timeout;
        ResumeFilter<Resp> resume;
        try {
            request = QueryRequests.read(requestPrototype, ctx.queryParams(), STREAM_PARAMETERS);
            timeout = StreamTimeout.of(ctx);
            @Nullable String lastEventId = req.headers().get(HttpHeaderNames.LAST_EVENT_ID);
            resume = resumption.resume(request, lastEventId);
        } catch (RuntimeException e) {
            return error(ctx, e);
        }
        return new HttpServerCall<>(ctx, method.getMethodDescriptor(), format, resume, codec, openStreams)
                .start(method.getServerCallHandler(), request, timeout);
    }

    private HttpResponse error(ServiceRequestContext ctx, RuntimeException e) {
        Metadata trailers = new Metadata();
        Status status = codec.statusOf(ctx, e, trailers);
        return codec.errorResponse(ctx, status, trailers);
    }
}
