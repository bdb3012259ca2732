package io.tickscope.server.error;

import static java.util.Objects.requireNonNull;

/** One bad field of a request: its path (for example "product_ids[3]") and what is wrong with it. */
public record FieldViolation(String field, String description) {

    public FieldViolation {
        requireNonNull(field, "field");
        requireNonNull(description, "description");
    }
}
