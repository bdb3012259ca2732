package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

/**
 * One readable row of a failed call's rich error details ({@code grpc-status-details-bin}): {@code kind} is what
 * the detail is ("field violation", "retry", "error info", ...), {@code subject} what it is about (a field, a
 * domain, a quota; may be empty) and {@code text} what it says.
 */
public record ErrorDetail(String kind, String subject, String text) {

    public ErrorDetail {
        requireNonNull(kind, "kind");
        requireNonNull(subject, "subject");
        requireNonNull(text, "text");
    }

    /** Returns the row as one phrase: "product_id: must not be empty", or the text alone without a subject. */
    public String phrase() {
        return subject.isEmpty() ? text : subject + ": " + text;
    }
}
