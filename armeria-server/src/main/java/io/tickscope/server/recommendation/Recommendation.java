package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

/** One recommended book: how strongly it is recommended (higher is better) and why, in words a person reads. */
public record Recommendation(Book book, double score, String reason) {

    public Recommendation {
        requireNonNull(book, "book");
        requireNonNull(reason, "reason");
    }
}
