package io.tickscope.server.grpc;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of one request, so the caller learns of all of them in one answer. */
final class RequestViolations {

    private final List<FieldViolation> violations = new ArrayList<>();
    private final String fieldPrefix;

    /** Collects violations of a request's own fields. */
    RequestViolations() {
        this("");
    }

    private RequestViolations(String fieldPrefix) {
        this.fieldPrefix = fieldPrefix;
    }

    /**
     * Collects violations of the fields of the message in the request's field {@code messageField}: each is
     * named by its path from the request, for example {@code watch.product_ids}.
     */
    static RequestViolations inField(String messageField) {
        return new RequestViolations(messageField + ".");
    }

    /** Records that {@code field} is bad, with a description naming the value and what was expected. */
    void add(String field, String description) {
        violations.add(new FieldViolation(fieldPrefix + field, description));
    }

    /** Throws an {@link InvalidArgumentException} listing every recorded violation, if there is any. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }
}
