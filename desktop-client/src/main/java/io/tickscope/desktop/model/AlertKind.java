package io.tickscope.desktop.model;

/** What an alert watches for in one product's list price. */
public enum AlertKind {
    /** The price rises to or above a level. */
    ABOVE("above"),
    /** The price falls to or below a level. */
    BELOW("below"),
    /** The price moves by a percentage, either way, within a time window. */
    MOVE("moves");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
