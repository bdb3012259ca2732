package io.tickscope.server.grpc;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of one request, so the caller learns of all of them in one answer. */
final class RequestViolations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Records that {@code field} is bad, with a description naming the value and what was expected. */
    void add(String field, String description) {
        violations.add(new FieldViolation(field, description));
    }

    /** Throws an {@link InvalidArgumentException} listing every recorded violation, if there is any. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }
}
