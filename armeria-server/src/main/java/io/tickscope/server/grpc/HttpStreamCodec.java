package io.tickscope.server.grpc;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Prints an HTTP stream's messages and errors exactly as the gRPC service's JSON paths do: messages with the
 * JSON marshaller Armeria's GrpcService uses for unframed JSON ({@link GrpcJsonMarshaller#of}), exceptions through
 * the server's one exception handler, and errors as the JSON body and HTTP status of {@link
 * UnframedGrpcErrorHandler#ofJson()}, the REST routes' error shape (with the {@code google.rpc.BadRequest}).
 */
final class HttpStreamCodec {

    private static final Metadata.Key<byte[]> STATUS_DETAILS =
            Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private final Map<String, GrpcJsonMarshaller> marshallersByService;
    private final GrpcExceptionHandlerFunction exceptions;
    private final UnframedGrpcErrorHandler jsonErrors = UnframedGrpcErrorHandler.ofJson();

    HttpStreamCodec(List<ServiceDescriptor> services, GrpcExceptionHandlerFunction exceptions) {
        marshallersByService = services.stream()
                .collect(Collectors.toUnmodifiableMap(ServiceDescriptor::getName, GrpcJsonMarshaller::of));
        this.exceptions = exceptions;
    }

    <T> String print(MethodDescriptor<?, T> method, T message) {
        GrpcJsonMarshaller marshaller = marshallersByService.get(method.getServiceName());
        if (marshaller == null) {
            throw new IllegalArgumentException("method: " + method.getFullMethodName() + " (expected: one of "
                    + marshallersByService.keySet() + ')');
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            marshaller.serializeMessage(method.getResponseMarshaller(), message, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString(StandardCharsets.UTF_8);
    }

    /** Maps {@code cause} to its status as for a gRPC client, putting any details in {@code trailers}. */
    Status statusOf(ServiceRequestContext ctx, Throwable cause, Metadata trailers) {
        Status fallback = Status.fromThrowable(cause);
        @Nullable Status status = exceptions.apply(ctx, fallback, cause, trailers);
        return status == null ? fallback : status;
    }

    /** Answers, before a stream starts, with the HTTP status and JSON body of the REST routes. */
    HttpResponse errorResponse(ServiceRequestContext ctx, Status status, Metadata trailers) {
        HttpHeaders details = HttpHeaders.of();
        byte[] detailBytes = trailers.get(STATUS_DETAILS);
        if (detailBytes != null) {
            details = HttpHeaders.of(STATUS_DETAILS.name(), Base64.getEncoder().encodeToString(detailBytes));
        }
        return jsonErrors.handle(
                ctx, status, AggregatedHttpResponse.of(ResponseHeaders.of(HttpStatus.OK), HttpData.empty(), details));
    }

    /** Returns the JSON body of {@link #errorResponse}: what a stream that has started sends as its last event. */
    CompletableFuture<String> errorJson(ServiceRequestContext ctx, Status status, Metadata trailers) {
        return errorResponse(ctx, status, trailers).aggregate().thenApply(AggregatedHttpResponse::contentUtf8);
    }
}
