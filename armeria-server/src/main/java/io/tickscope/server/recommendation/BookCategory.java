package io.tickscope.server.recommendation;

/** The shelf a book belongs to. */
public enum BookCategory {
    FICTION,
    SCIENCE_FICTION,
    MYSTERY,
    HISTORY,
    SCIENCE,
    BUSINESS,
    TECHNOLOGY,
    BIOGRAPHY
}
