package io.tickscope.desktop.rpc;

import io.tickscope.api.recommendation.v1.BookCategory;

/** The shelves of the book catalogue, and {@link #ALL} for no filter. */
public enum Category {
    ALL("All categories", BookCategory.BOOK_CATEGORY_UNSPECIFIED),
    FICTION("Fiction", BookCategory.BOOK_CATEGORY_FICTION),
    SCIENCE_FICTION("Science fiction", BookCategory.BOOK_CATEGORY_SCIENCE_FICTION),
    MYSTERY("Mystery", BookCategory.BOOK_CATEGORY_MYSTERY),
    HISTORY("History", BookCategory.BOOK_CATEGORY_HISTORY),
    SCIENCE("Science", BookCategory.BOOK_CATEGORY_SCIENCE),
    BUSINESS("Business", BookCategory.BOOK_CATEGORY_BUSINESS),
    TECHNOLOGY("Technology", BookCategory.BOOK_CATEGORY_TECHNOLOGY),
    BIOGRAPHY("Biography", BookCategory.BOOK_CATEGORY_BIOGRAPHY);

    private final String label;
    private final BookCategory proto;

    Category(String label, BookCategory proto) {
        this.label = label;
        this.proto = proto;
    }

    BookCategory toProto() {
        return proto;
    }

    /** Returns the category of a book as the server sent it; one this client does not know reads as ALL. */
    static Category fromProto(BookCategory category) {
        for (Category candidate : values()) {
            if (candidate.proto == category) {
                return candidate;
            }
        }
        return ALL;
    }

    @Override
    public String toString() {
        return label;
    }
}
