package io.tickscope.desktop.model;

/** The customer segment a price is quoted for; each has its own discount on the server. */
public enum Segment {
    STANDARD("Standard"),
    VIP("VIP"),
    WHOLESALE("Wholesale");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    /** Returns the name people see, for example "VIP". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
