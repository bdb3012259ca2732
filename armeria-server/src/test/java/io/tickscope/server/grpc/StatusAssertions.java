package io.tickscope.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the statuses and error details the server sends. */
final class StatusAssertions {

    private StatusAssertions() {}

    /** Runs {@code call}, asserts it fails with {@code code}, and returns the failure. */
    static StatusRuntimeException failsWith(Status.Code code, ThrowingCallable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(failure).as("the call should fail with %s", code).isNotNull();
        assertThat(failure.getStatus().getCode()).isEqualTo(code);
        assertThat(failure.getStatus().getDescription())
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        return failure;
    }

    /** Returns the fields named by the {@code google.rpc.BadRequest} detail of {@code failure}. */
    static List<BadRequest.FieldViolation> fieldViolations(StatusRuntimeException failure) {
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        assertThat(details).as("grpc-status-details-bin").isNotNull();
        return details.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .map(any -> {
                    try {
                        return any.unpack(BadRequest.class);
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                })
                .flatMap(badRequest -> badRequest.getFieldViolationsList().stream())
                .toList();
    }
}
