package io.tickscope.bench.report;

/** How a measured figure must relate to its target's limit. */
public enum Comparison {
    AT_MOST("<="),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** Returns whether {@code measured} satisfies the limit; a figure that could not be measured (NaN) never does. */
    public boolean holds(double measured, double limit) {
        if (Double.isNaN(measured)) {
            return false;
        }
        return this == AT_MOST ? measured <= limit : measured >= limit;
    }

    public String symbol() {
        return symbol;
    }
}
