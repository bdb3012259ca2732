package io.tickscope.server.grpc;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import io.grpc.Status;
import io.tickscope.server.error.InvalidArgumentException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Answers a request that Armeria's HTTP/JSON transcoding cannot turn into the method's request message (a query
 * parameter that is no number of its field's type, a body that is not JSON) with the JSON error body every other
 * REST error has: HTTP 400, INVALID_ARGUMENT and the bad field in a {@code google.rpc.BadRequest}. Armeria itself
 * fails such a request before the call starts, with a plain-text 400 that names nothing.
 */
final class UntranscodableRequests implements DecoratingHttpServiceFunction {

    /** How {@code Integer.parseInt} and its kin word a value they refuse. */
    private static final Pattern NUMBER_REFUSED = Pattern.compile("^For input string: \"(.*)\"");

    private static final String STATUS_DETAILS_HEADER = "grpc-status-details-bin";

    private final UnframedGrpcErrorHandler jsonErrors = UnframedGrpcErrorHandler.ofJson();

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        MediaType contentType = req.contentType();
        if (contentType != null && contentType.subtype().startsWith("grpc")) {
            // gRPC and gRPC-Web carry every error in-band, and their streams pass untouched.
            return delegate.serve(ctx, req);
        }
        return delegate.serve(ctx, req).recover(cause -> {
            if (!(cause instanceof HttpStatusException refused) || refused.httpStatus() != HttpStatus.BAD_REQUEST) {
                return HttpResponse.ofFailure(cause);
            }
            InvalidArgumentException invalid = describe(ctx, refused.getCause());
            String details = Base64.getEncoder()
                    .encodeToString(
                            TickscopeExceptionHandler.badRequestDetails(invalid).toByteArray());
            return jsonErrors.handle(
                    ctx,
                    Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()),
                    AggregatedHttpResponse.of(
                            ResponseHeaders.of(HttpStatus.OK),
                            HttpData.empty(),
                            HttpHeaders.of(STATUS_DETAILS_HEADER, details)));
        });
    }

    private static InvalidArgumentException describe(ServiceRequestContext ctx, @Nullable Throwable cause) {
        if (cause instanceof NumberFormatException notANumber && notANumber.getMessage() != null) {
            Matcher refused = NUMBER_REFUSED.matcher(notANumber.getMessage());
            if (refused.find()) {
                String value = refused.group(1);
                for (Map.Entry<String, String> parameter : ctx.queryParams()) {
                    if (parameter.getValue().equals(value)) {
                        return InvalidArgumentException.of(
                                parameter.getKey(), '"' + value + "\" (expected: " + numberExpected(value) + ')');
                    }
                }
            }
        }
        return InvalidArgumentException.of(
                "request",
                "cannot be read as the method's request (expected: a JSON object of its fields, and query"
                        + " parameters that fit their fields' types)");
    }

    /** A value that is a long but failed was refused by a 32-bit field; otherwise it is no number at all. */
    private static String numberExpected(String value) {
        try {
            Long.parseLong(value);
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        } catch (NumberFormatException notALong) {
            return value.matches("-?\\d+") ? "a whole number that fits in 64 bits" : "a number";
        }
    }
}
