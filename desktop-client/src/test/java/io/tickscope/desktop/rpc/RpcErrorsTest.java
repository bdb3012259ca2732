package io.tickscope.desktop.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
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

    @Test
    void appendsTheDecodedDetailsTheDescriptionDoesNotSayAlready() {
        com.google.rpc.Status rich = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INVALID_ARGUMENT.value())
                .setMessage("quantity: -1 (expected: >= 1)")
                .addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                .setField("quantity")
                                .setDescription("-1 (expected: >= 1)"))
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                .setField("currency_code")
                                .setDescription("\"XXX\" (expected: an ISO 4217 code)"))
                        .build()))
                .addDetails(Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(Duration.newBuilder().setSeconds(2))
                        .build()))
                .build();

        assertThat(RpcErrors.describe(new CompletionException(StatusProto.toStatusRuntimeException(rich))))
                .isEqualTo("INVALID_ARGUMENT: quantity: -1 (expected: >= 1)"
                        + " (currency_code: \"XXX\" (expected: an ISO 4217 code); retry after 2s)");
    }
}
