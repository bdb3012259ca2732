package io.tickscope.desktop.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RpcErrorsTest {

    @Test
    void namesTheStatusAndTheServersDescriptionThroughFutureWrappers() {
        Throwable failure = new CompletionException(Status.NOT_FOUND
                .withDescription("product_id: \"P99999\" (expected: a product in the catalogue)")
                .asRuntimeException());

        assertThat(RpcErrors.describe(failure))
                .isEqualTo("NOT_FOUND: product_id: \"P99999\" (expected: a product in the catalogue)");
    }

    @Test
    void fallsBackToTheTransportCauseWhenTheStatusHasNoDescription() {
        Throwable failure = Status.UNAVAILABLE
                .withCause(new ConnectException("Connection refused"))
                .asRuntimeException();

        assertThat(RpcErrors.describe(failure)).isEqualTo("UNAVAILABLE: Connection refused");
    }

    @Test
    void bareStatusIsItsCode() {
        assertThat(RpcErrors.describe(Status.DEADLINE_EXCEEDED.asRuntimeException()))
                .isEqualTo("DEADLINE_EXCEEDED");
    }

    @Test
    void failureOutsideGrpcKeepsItsOwnMessage() {
        assertThat(RpcErrors.describe(new IllegalStateException("catalogue not loaded")))
                .isEqualTo("catalogue not loaded");
    }
}
