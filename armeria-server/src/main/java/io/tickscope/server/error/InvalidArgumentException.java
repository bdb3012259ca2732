package io.tickscope.server.error;

import java.util.List;
import java.util.stream.Collectors;

/** A request is malformed: one or more fields hold values outside what the contract accepts. */
public final class InvalidArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldViolation> violations;

    public InvalidArgumentException(List<FieldViolation> violations) {
        super(violations.stream()
                .map(violation -> violation.field() + ": " + violation.description())
                .collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations: [] (expected: at least one)");
        }
        this.violations = List.copyOf(violations);
    }

    /** Returns the exception for one bad field. */
    public static InvalidArgumentException of(String field, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, description)));
    }

    /** Returns every bad field of the request. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
