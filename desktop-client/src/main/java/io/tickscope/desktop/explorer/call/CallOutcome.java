package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.ErrorDetail;
import java.time.Duration;
import java.util.List;

/**
 * How a call ended: its status code and description, the rich error details decoded, its trailers, and the
 * time from its start to its end.
 */
public record CallOutcome(
        String code, String description, List<ErrorDetail> details, List<Header> trailers, Duration latency) {

    public CallOutcome {
        requireNonNull(code, "code");
        requireNonNull(description, "description");
        details = List.copyOf(details);
        trailers = List.copyOf(trailers);
        requireNonNull(latency, "latency");
    }

    public boolean ok() {
        return code.equals("OK");
    }

    /** "OK", or "INVALID_ARGUMENT: product_id: ..." */
    public String statusLine() {
        return description.isEmpty() ? code : code + ": " + description;
    }
}
