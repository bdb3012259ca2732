package io.tickscope.desktop.rpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.tickscope.desktop.model.ErrorDetail;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failure into a line a person can read: a call's status and its description with the rich error details
 * it carries (decoded by {@link ErrorDetails}, as the Explorer shows them), or what kept a session from opening;
 * never a stack trace.
 */
public final class RpcErrors {

    private RpcErrors() {}

    /**
     * Returns {@code failure} in words: "NOT_FOUND: product_id: ..." for a gRPC status, with the transport's
     * reason when the status has no description ("UNAVAILABLE: Connection refused"); otherwise (a bug or a
     * local problem) the outermost message that says more than that one exception wraps another.
     */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
                return withDetails(describe(Status.fromThrowable(cause)), ErrorDetails.of(cause));
            }
        }
        return messageOf(failure);
    }

    /** Returns the error of one item of a batch in the same words as a failed call. */
    static String describe(com.google.rpc.Status itemError) {
        String message = itemError.getMessage();
        return describe(Status.fromCodeValue(itemError.getCode()).withDescription(message.isEmpty() ? null : message));
    }

    /** Returns how a stream ended, in the same words as a failed call. */
    static String describe(Status status) {
        @Nullable String description = status.getDescription();
        if (description == null && status.getCause() != null) {
            description = messageOf(status.getCause());
        }
        return description == null ? status.getCode().name() : status.getCode() + ": " + description;
    }

    /**
     * Returns {@code line} followed by the decoded rich error details it does not already say, such as
     * "INVALID_ARGUMENT: 2 bad fields (quantity: must be positive; retry after 1s)".
     */
    static String withDetails(String line, List<ErrorDetail> details) {
        String unsaid = details.stream()
                .map(ErrorDetail::phrase)
                .filter(phrase -> !line.contains(phrase))
                .collect(Collectors.joining("; "));
        return unsaid.isEmpty() ? line : line + " (" + unsaid + ")";
    }

    /** Returns the outermost message that says more than "this wraps that". */
    private static String messageOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            boolean wrapper = cause instanceof CompletionException || cause instanceof ExecutionException;
            if (!wrapper && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
