package io.tickscope.server.grpc;

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
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become gRPC statuses.
 *
 * <p>Domain errors become INVALID_ARGUMENT (with a {@code google.rpc.BadRequest} listing every bad field) or
 * NOT_FOUND. A database that cannot be reached (a shared PostgreSQL that went away) gives UNAVAILABLE, and a
 * transaction PostgreSQL rolled back for a clash with another gives ABORTED: clients may send either again. Statuses Armeria already chose (deadline exceeded, cancelled, too large) pass through. Anything
 * else is a bug on our side: it is logged with its stack trace and the client gets INTERNAL with the
 * request id, never the exception's text.
 */
final class TickscopeExceptionHandler implements GrpcExceptionHandlerFunction {

    private static final Logger logger = LoggerFactory.getLogger(TickscopeExceptionHandler.class);

    /** Where gRPC clients look for rich error details ({@code StatusProto.fromThrowable} reads it). */
    private static final Metadata.Key<com.google.rpc.Status> STATUS_DETAILS_KEY = Metadata.Key.of(
            "grpc-status-details-bin", ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

    @Override
    public @Nullable Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        if (cause instanceof InvalidArgumentException invalid) {
            metadata.put(STATUS_DETAILS_KEY, badRequestDetails(invalid));
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage());
        }
        if (cause instanceof NotFoundException notFound) {
            return Status.NOT_FOUND.withDescription(notFound.getMessage());
        }
        if (cause instanceof ClosedStreamException) {
            // The client reset the stream (cancelled, or its deadline passed): nothing went wrong here.
            return Status.CANCELLED.withDescription("the client cancelled the call");
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
        if (Throwables.getCausalChain(cause).stream().anyMatch(InvalidProtocolBufferException.class::isInstance)) {
            return Status.INVALID_ARGUMENT.withDescription(
                    "request: not a valid protobuf message of the method's request type");
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

    private static com.google.rpc.Status badRequestDetails(InvalidArgumentException invalid) {
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
