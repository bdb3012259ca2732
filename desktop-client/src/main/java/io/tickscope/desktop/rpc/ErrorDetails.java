package io.tickscope.desktop.rpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Durations;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.tickscope.desktop.model.ErrorDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one decoder of rich error details: the {@code google.rpc.Status} a server sends in
 * {@code grpc-status-details-bin}, turned into readable rows for every detail type of
 * {@code google/rpc/error_details.proto}. The Explorer shows the rows; {@link RpcErrors} appends them to the
 * monitor's one-line messages.
 */
public final class ErrorDetails {

    private ErrorDetails() {}

    /** Returns the details a failed call's {@code status} and {@code trailers} carry; empty when none. */
    public static List<ErrorDetail> of(Status status, @Nullable Metadata trailers) {
        com.google.rpc.Status rich = StatusProto.fromStatusAndTrailers(status, trailers);
        return rich == null ? List.of() : of(rich);
    }

    /** Returns the details {@code failure} carries, when it is (or wraps) a failed call; empty otherwise. */
    public static List<ErrorDetail> of(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        return rich == null ? List.of() : of(rich);
    }

    /** Returns the rows of every detail of {@code status}. */
    public static List<ErrorDetail> of(com.google.rpc.Status status) {
        List<ErrorDetail> rows = new ArrayList<>();
        for (Any detail : status.getDetailsList()) {
            try {
                decode(detail, rows);
            } catch (InvalidProtocolBufferException e) {
                rows.add(new ErrorDetail("detail", typeName(detail), "unreadable: " + e.getMessage()));
            }
        }
        return List.copyOf(rows);
    }

    private static void decode(Any detail, List<ErrorDetail> rows) throws InvalidProtocolBufferException {
        if (detail.is(BadRequest.class)) {
            for (BadRequest.FieldViolation violation :
                    detail.unpack(BadRequest.class).getFieldViolationsList()) {
                rows.add(new ErrorDetail("field violation", violation.getField(), violation.getDescription()));
            }
        } else if (detail.is(RetryInfo.class)) {
            RetryInfo retry = detail.unpack(RetryInfo.class);
            rows.add(new ErrorDetail("retry", "", "retry after " + Durations.toString(retry.getRetryDelay())));
        } else if (detail.is(ErrorInfo.class)) {
            ErrorInfo info = detail.unpack(ErrorInfo.class);
            String metadata = info.getMetadataMap().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", "));
            rows.add(new ErrorDetail(
                    "error info",
                    info.getDomain(),
                    info.getReason() + (metadata.isEmpty() ? "" : " (" + metadata + ")")));
        } else if (detail.is(DebugInfo.class)) {
            DebugInfo debug = detail.unpack(DebugInfo.class);
            rows.add(new ErrorDetail("debug", "", debug.getDetail()));
            debug.getStackEntriesList().forEach(entry -> rows.add(new ErrorDetail("debug", "at", entry)));
        } else if (detail.is(QuotaFailure.class)) {
            for (QuotaFailure.Violation violation :
                    detail.unpack(QuotaFailure.class).getViolationsList()) {
                rows.add(new ErrorDetail("quota", violation.getSubject(), violation.getDescription()));
            }
        } else if (detail.is(PreconditionFailure.class)) {
            for (PreconditionFailure.Violation violation :
                    detail.unpack(PreconditionFailure.class).getViolationsList()) {
                rows.add(new ErrorDetail(
                        "precondition",
                        violation.getType() + " " + violation.getSubject(),
                        violation.getDescription()));
            }
        } else if (detail.is(ResourceInfo.class)) {
            ResourceInfo resource = detail.unpack(ResourceInfo.class);
            rows.add(new ErrorDetail(
                    "resource",
                    resource.getResourceType() + " " + resource.getResourceName(),
                    resource.getDescription()));
        } else if (detail.is(RequestInfo.class)) {
            RequestInfo request = detail.unpack(RequestInfo.class);
            rows.add(new ErrorDetail("request", request.getRequestId(), request.getServingData()));
        } else if (detail.is(Help.class)) {
            for (Help.Link link : detail.unpack(Help.class).getLinksList()) {
                rows.add(new ErrorDetail("help", link.getDescription(), link.getUrl()));
            }
        } else if (detail.is(LocalizedMessage.class)) {
            LocalizedMessage message = detail.unpack(LocalizedMessage.class);
            rows.add(new ErrorDetail("message", message.getLocale(), message.getMessage()));
        } else {
            rows.add(new ErrorDetail("detail", typeName(detail), "not a google.rpc detail; not decoded"));
        }
    }

    private static String typeName(Any detail) {
        String url = detail.getTypeUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
