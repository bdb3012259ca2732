package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.ResponseCompleteException;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.grpc.Metadata;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.pricing.HistoryOffException;
import io.tickscope.server.pricing.PriceConflictException;
import io.tickscope.server.pricing.PriceJournalUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become gRPC statuses.
 *
 * <p>Domain errors become INVALID_ARGUMENT (with a {@code google.rpc.BadRequest} listing every bad field) or
 * NOT_FOUND; history asked of a server that stores none, FAILED_PRECONDITION. A request message that does not
 * parse is the client's fault: INVALID_ARGUMENT on every protocol, although gRPC's marshaller calls it INTERNAL. A message too large names the method, its size and the method's
 * limit, as {@code MessageSizeLimits} does. A database that cannot be reached (a shared PostgreSQL that went
 * away) gives UNAVAILABLE, and a transaction PostgreSQL rolled back for a clash with another gives ABORTED:
 * clients may send either again. Statuses Armeria already chose (deadline exceeded, cancelled) pass
 * through. Anything else is a bug on our side: it is logged with its stack trace and the client gets INTERNAL
 * with the request id, never the exception's text.
 */
final class TickscopeExceptionHandler implements GrpcExceptionHandlerFunction {

    private static final Logger logger = LoggerFactory.getLogger(TickscopeExceptionHandler.class);

    /** Where gRPC clients look for rich error details ({@code StatusProto.fromThrowable} reads it). */
    private static final Metadata.Key<com.google.rpc.Status> STATUS_DETAILS_KEY = Metadata.Key.of(
            "grpc-status-details-bin", ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

    /** How Armeria's deframer words a frame whose declared length passes the transport's limit. */
    private static final Pattern FRAME_TOO_LARGE = Pattern.compile("Frame size (-?\\d+) exceeds maximum: \\d+");

    private final ServerLimits limits;

    TickscopeExceptionHandler(ServerLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    @Override
    public @Nullable Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        if (cause instanceof InvalidArgumentException invalid) {
            metadata.put(STATUS_DETAILS_KEY, badRequestDetails(invalid));
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage());
        }
        if (cause instanceof NotFoundException notFound) {
            return Status.NOT_FOUND.withDescription(notFound.getMessage());
        }
        if (cause instanceof HistoryOffException off) {
            // Not the request's fault and not a failure: this server was started to store no history.
            return Status.FAILED_PRECONDITION.withDescription(off.getMessage());
        }
        if (cause instanceof PriceJournalUnavailableException unavailable) {
            // The cluster's broker is away: nothing was acknowledged, and a retry (here or on another replica) may
            // succeed.
            return Status.UNAVAILABLE.withDescription(unavailable.getMessage());
        }
        if (cause instanceof PriceConflictException conflict) {
            return Status.ABORTED.withDescription(conflict.getMessage() + "; retry the change");
        }
        if (cause instanceof ClosedStreamException) {
            // The client reset the stream (cancelled, or its deadline passed): nothing went wrong here.
            return Status.CANCELLED.withDescription("the client cancelled the call");
        }
        if (Throwables.getCausalChain(cause).stream().anyMatch(InvalidProtocolBufferException.class::isInstance)) {
            // Checked before the statuses services choose: grpc-java's marshaller reports it as INTERNAL.
            return Status.INVALID_ARGUMENT.withDescription(
                    "request: not a valid protobuf message of the method's request type");
        }
        Long declaredBytes = declaredFrameBytes(status);
        if (declaredBytes != null) {
            String method = fullMethodName(ctx);
            return Status.RESOURCE_EXHAUSTED.withDescription("request message of " + method + ": " + declaredBytes
                    + " bytes (expected: <= " + limits.maxRequestMessageBytes(method) + ')');
        }
        if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            // The service chose this status itself (onError with a Status): it is the answer, not a failure.
            return Status.fromThrowable(cause);
        }
        ContentTooLargeException tooLarge = Throwables.getCausalChain(cause).stream()
                .filter(ContentTooLargeException.class::isInstance)
                .map(ContentTooLargeException.class::cast)
                .findFirst()
                .orElse(null);
        if (tooLarge != null) {
            return Status.RESOURCE_EXHAUSTED.withDescription("request of " + ctx.path() + ": more than "
                    + tooLarge.maxContentLength() + " bytes (expected: <= " + tooLarge.maxContentLength() + ')');
        }
        if (cause instanceof RequestTimeoutException) {
            // The call's deadline passed: the client's, or the server's cap on it (ServerLimits).
            return Status.DEADLINE_EXCEEDED.withDescription(
                    "deadline exceeded: the call outlived its deadline (or the server's cap on deadlines)");
        }
        if (cause instanceof ResponseCompleteException) {
            // The response already ended (an error we sent, say) and Armeria aborts what the client still sends.
            return status;
        }
        if (Throwables.getCausalChain(cause).stream().anyMatch(TickscopeExceptionHandler::isDatabaseAway)) {
            logger.warn(
                    "{} failed: the database is unreachable (request {}): {}", ctx.path(), ctx.id(), cause.toString());
            return Status.UNAVAILABLE.withDescription("the database is unreachable; retry later (uploads with"
                    + " idempotency keys are safe to send again)");
        }
        if (Throwables.getCausalChain(cause).stream().anyMatch(TickscopeExceptionHandler::isTransactionClash)) {
            return Status.ABORTED.withDescription("the transaction clashed with a concurrent one and was rolled back;"
                    + " send it again (uploads with idempotency keys are safe to send again)");
        }
        if (status.getCode() != Status.Code.UNKNOWN) {
            return status;
        }
        logger.error("Unexpected failure of {} (request {})", ctx.path(), ctx.id(), cause);
        return Status.INTERNAL.withDescription(
                "internal error (request " + ctx.id().text() + "); the server log has the details");
    }

    /**
     * Returns whether {@code cause} says the database cannot be reached: no connection within the pool's timeout,
     * a connection failure (SQLSTATE class 08) or a server shutting down (57P01 to 57P03). A shared PostgreSQL
     * can go away and come back; the embedded file cannot.
     */
    private static boolean isDatabaseAway(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * Returns whether {@code cause} is PostgreSQL rolling a transaction back for a clash with a concurrent one
     * (SQLSTATE class 40: a deadlock or a serialization failure). Nothing of it was stored.
     */
    private static boolean isTransactionClash(Throwable cause) {
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && state.startsWith("40");
    }

    /**
     * Returns the length a gRPC frame declared when Armeria's deframer refused it for passing the transport's
     * message limit, or null for any other failure. The length is the frame header's unsigned 32 bits.
     */
    private static @Nullable Long declaredFrameBytes(Status status) {
        if (status.getCode() != Status.Code.RESOURCE_EXHAUSTED) {
            return null;
        }
        String description = status.getDescription();
        Matcher frame = FRAME_TOO_LARGE.matcher(description == null ? "" : description);
        return frame.find() ? Integer.toUnsignedLong((int) Long.parseLong(frame.group(1))) : null;
    }

    /** Returns the full name ({@code package.Service/Method}) of the gRPC method the request calls. */
    private static String fullMethodName(RequestContext ctx) {
        // A REST request's path is not the method's: the gRPC service knows which method its route maps to.
        if (ctx instanceof ServiceRequestContext serviceCtx) {
            GrpcService grpc = serviceCtx.config().service().as(GrpcService.class);
            ServerMethodDefinition<?, ?> method = grpc == null ? null : grpc.methodDefinition(serviceCtx);
            if (method != null) {
                return method.getMethodDescriptor().getFullMethodName();
            }
        }
        return ctx.path().substring(1);
    }

    /** Returns the {@code google.rpc.Status} that carries {@code invalid}'s bad fields to clients. */
    static com.google.rpc.Status badRequestDetails(InvalidArgumentException invalid) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        for (FieldViolation violation : invalid.violations()) {
            badRequest.addFieldViolationsBuilder().setField(violation.field()).setDescription(violation.description());
        }
        return com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INVALID_ARGUMENT.value())
                .setMessage(invalid.getMessage())
                .addDetails(Any.pack(badRequest.build()))
                .build();
    }
}
