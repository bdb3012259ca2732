package io.tickscope.desktop.model;

/** How a lookup of N products goes over the wire. */
public enum LookupWay {
    /** One GetPricesBatch call carrying all N products. */
    ONE_BATCH,
    /** N GetPrice calls, each waiting for the one before. */
    UNARY_SEQUENTIAL,
    /** N GetPrice calls, all in flight at once on the one channel. */
    UNARY_CONCURRENT;

    /** Returns the way in words for a lookup of {@code products} products. */
    public String describe(int products) {
        switch (this) {
            case ONE_BATCH:
                return "1 GetPricesBatch call";
            case UNARY_SEQUENTIAL:
                return products + " GetPrice calls, one after another";
            case UNARY_CONCURRENT:
                return products + " GetPrice calls at once";
        }
        throw new AssertionError(this);
    }
}
