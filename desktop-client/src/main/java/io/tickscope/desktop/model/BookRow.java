package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

/**
 * One book of the catalogue.
 *
 * @param bookId for example "B0042"
 * @param title the title
 * @param author the author
 * @param category the shelf
 * @param averageRating the mean stored rating from 1 to 5, or 0 without ratings
 * @param ratingCount how many ratings are stored
 */
public record BookRow(
        String bookId, String title, String author, Category category, double averageRating, long ratingCount) {

    public BookRow {
        requireNonNull(bookId, "bookId");
        requireNonNull(title, "title");
        requireNonNull(author, "author");
        requireNonNull(category, "category");
    }
}
