package io.tickscope.server.pricing;

import java.util.Collection;
import java.util.List;

/**
 * Where product listings, exchange rates and segment discounts are kept. Implementations block: call them
 * from a blocking executor, never from an event loop.
 */
public interface ProductStore {

    /** Returns every product listing, in product id order. */
    List<ProductListing> loadListings();

    /** Returns the exchange rates between the currencies prices are quoted in. */
    ExchangeRates loadExchangeRates();

    /** Returns the discount of each customer segment. */
    SegmentDiscounts loadSegmentDiscounts();

    /** Stores {@code listings} in one transaction, replacing the stored listings of the same products. */
    void saveListings(Collection<ProductListing> listings);
}
