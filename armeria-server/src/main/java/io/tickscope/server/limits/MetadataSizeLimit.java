package io.tickscope.server.limits;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import io.netty.util.AsciiString;
import java.util.Map;

/**
 * Refuses a call whose metadata (its request header block) is larger than the limit, with RESOURCE_EXHAUSTED
 * and a message that says by how much. HTTP/2 itself refuses blocks above twice the limit while decoding
 * them, but only by resetting the stream, which clients report as UNAVAILABLE; between the two this
 * decorator gives the precise status. Sizes count as HTTP/2 counts them: name, value and 32 bytes per field.
 */
final class MetadataSizeLimit implements DecoratingHttpServiceFunction {

    /** RFC 9113 section 6.5.2: each field of a header list counts its name, its value and 32 bytes. */
    private static final int FIELD_OVERHEAD = 32;

    private final int maxBytes;

    MetadataSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        long bytes = headerListSize(req.headers());
        if (bytes <= maxBytes) {
            return delegate.serve(ctx, req);
        }
        String description = "request metadata: " + bytes + " bytes (expected: <= " + maxBytes + ')';
        MediaType contentType = req.contentType();
        if (contentType == null || !contentType.subtype().startsWith("grpc")) {
            return HttpResponse.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, MediaType.PLAIN_TEXT_UTF_8, description);
        }
        // A trailers-only gRPC response: the status travels in the one header block.
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                .contentType(contentType)
                .add("grpc-status", Integer.toString(Status.Code.RESOURCE_EXHAUSTED.value()))
                .add("grpc-message", description)
                .build());
    }

    private static long headerListSize(RequestHeaders headers) {
        long bytes = 0;
        for (Map.Entry<AsciiString, String> field : headers) {
            bytes += field.getKey().length() + field.getValue().length() + FIELD_OVERHEAD;
        }
        return bytes;
    }
}
