package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

/**
 * One recommendation of an answer.
 *
 * @param rank 1 for the best
 * @param book the recommended book
 * @param score how strongly it is recommended; comparable within one answer
 * @param reason why, in words
 */
public record RecommendedBook(int rank, BookRow book, double score, String reason) {

    public RecommendedBook {
        requireNonNull(book, "book");
        requireNonNull(reason, "reason");
    }
}
