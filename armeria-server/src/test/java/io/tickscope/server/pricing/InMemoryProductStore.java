package io.tickscope.server.pricing;

import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A product store in memory, with the rates and discounts the pricing tests compute their amounts from. */
public final class InMemoryProductStore implements ProductStore {

    static final Instant SEEDED_AT = Instant.parse("2026-11-02T09:00:00Z");

    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency GBP = Currency.getInstance("GBP");
    static final Currency JPY = Currency.getInstance("JPY");

    private final Map<String, ProductListing> listings = new TreeMap<>();

    InMemoryProductStore(List<ProductListing> listings) {
        saveListings(listings);
    }

    /** Returns a store of {@code count} products "P00001", "P00002", ..., priced in US dollars. */
    public static InMemoryProductStore withProducts(int count) {
        List<ProductListing> listings = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            listings.add(new ProductListing(
                    String.format("P%05d", i), "Product " + i, new Amount(USD, 1_000 + i), null, SEEDED_AT));
        }
        return new InMemoryProductStore(listings);
    }

    @Override
    public synchronized List<ProductListing> loadListings() {
        return List.copyOf(listings.values());
    }

    @Override
    public ExchangeRates loadExchangeRates() {
        return ExchangeRates.of(Map.of(
                USD, BigDecimal.ONE,
                EUR, new BigDecimal("0.92"),
                GBP, new BigDecimal("0.79"),
                JPY, new BigDecimal("151.37")));
    }

    @Override
    public SegmentDiscounts loadSegmentDiscounts() {
        return SegmentDiscounts.of(Map.of(Segment.STANDARD, 0, Segment.VIP, 500, Segment.WHOLESALE, 1_500));
    }

    @Override
    public synchronized void saveListings(Collection<ProductListing> changed) {
        changed.forEach(listing -> listings.put(listing.productId(), listing));
    }
}
