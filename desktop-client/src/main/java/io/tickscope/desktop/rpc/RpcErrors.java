package io.tickscope.desktop.rpc;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failed calls into messages a person can read: the status code and the server's description. */
public final class RpcErrors {

    private RpcErrors() {}

    /**
     * Returns {@code failure} as one line, for example {@code "NOT_FOUND: product_id: \"P99999\" (expected: a
     * product in the catalogue)"} or {@code "UNAVAILABLE: Connection refused"}; never a stack trace.
     */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        Status status = Status.fromThrowable(cause);
        if (status.getCode() == Status.Code.UNKNOWN && status.getDescription() == null) {
            // Not a gRPC failure: a bug or a local problem; its own message is the best there is.
            return cause.getMessage() != null
                    ? cause.getMessage()
                    : cause.getClass().getSimpleName();
        }
        String description = status.getDescription();
        if (description == null && status.getCause() != null) {
            description = status.getCause().getMessage();
        }
        return description == null ? status.getCode().name() : status.getCode() + ": " + description;
    }

    static Status.Code codeOf(Throwable failure) {
        return Status.fromThrowable(unwrap(failure)).getCode();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
