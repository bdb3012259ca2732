package io.tickscope.desktop.model;

/** What a user can do with a book during a recommendation session. */
public enum ActionType {
    VIEWED("View"),
    LIKED("Like"),
    /** Needs 1 to 5 stars. */
    RATED("Rate"),
    /** Takes the book out of the recommendations. */
    ADDED_TO_CART("Add to cart"),
    /** Takes the book out of the recommendations. */
    DISMISSED("Dismiss");

    private final String label;

    ActionType(String label) {
        this.label = label;
    }

    /** Returns the action as a command, for example "Add to cart". */
    public String label() {
        return label;
    }
}
