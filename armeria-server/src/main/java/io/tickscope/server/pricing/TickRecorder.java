package io.tickscope.server.pricing;

/** Where the {@link PriceBook} hands every change it applies, to be kept as price history. */
public interface TickRecorder {

    /** Keeps nothing: a book without history. */
    TickRecorder NONE = (change, madeHere) -> {};

    /**
     * Takes {@code change}, the product's newest, before watchers see it; called under the product's lock, on the
     * market's or a feeder's thread, so it must return at once and never block.
     *
     * @param madeHere whether this process made the change (its market or a feeder calling it), rather than
     *     applying one that another replica of the cluster made
     */
    void record(PriceUpdate change, boolean madeHere);
}
