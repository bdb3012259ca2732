package io.tickscope.desktop.model;

/** The shelves of the book catalogue, and {@link #ALL} for no filter. */
public enum Category {
    ALL("All categories"),
    FICTION("Fiction"),
    SCIENCE_FICTION("Science fiction"),
    MYSTERY("Mystery"),
    HISTORY("History"),
    SCIENCE("Science"),
    BUSINESS("Business"),
    TECHNOLOGY("Technology"),
    BIOGRAPHY("Biography");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
