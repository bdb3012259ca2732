package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.EUR;
import static io.tickscope.server.pricing.InMemoryProductStore.GBP;
import static io.tickscope.server.pricing.InMemoryProductStore.JPY;
import static io.tickscope.server.pricing.InMemoryProductStore.SEEDED_AT;
import static io.tickscope.server.pricing.InMemoryProductStore.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.shared.money.Amount;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCalculatorTest {

    private static final List<Currency> CURRENCIES = List.of(USD, EUR, GBP, JPY);

    private final InMemoryProductStore store = new InMemoryProductStore(List.of());
    private final QuoteCalculator calculator =
            new QuoteCalculator(store.loadExchangeRates(), store.loadSegmentDiscounts());

    @Test
    void theLargestQuotablePriceQuotesInEveryCurrencyAndOneMinorUnitMoreDoesNot() {
        assertThat(calculator.largestQuotablePrice(USD).minorUnits()).isLessThan(Long.MAX_VALUE);

        for (Currency listingCurrency : CURRENCIES) {
            Amount largest = calculator.largestQuotablePrice(listingCurrency);
            ProductListing atLimit = listing(largest);

            for (Currency quoted : CURRENCIES) {
                for (Segment segment : Segment.values()) {
                    assertThat(calculator
                                    .quote(atLimit, quoted, segment, SEEDED_AT)
                                    .basePrice()
                                    .isPositive())
                            .isTrue();
                }
            }
            if (largest.minorUnits() == Long.MAX_VALUE) {
                continue; // Every currency quotes any price in this one (yen: a yen is worth less than a cent).
            }
            ProductListing overLimit = listing(new Amount(listingCurrency, largest.minorUnits() + 1));
            assertThat(CURRENCIES)
                    .as("currencies that cannot quote %s", overLimit.basePrice())
                    .anySatisfy(quoted -> assertThatThrownBy(
                                    () -> calculator.quote(overLimit, quoted, Segment.STANDARD, SEEDED_AT))
                            .isInstanceOf(ArithmeticException.class));
        }
    }

    private static ProductListing listing(Amount price) {
        return new ProductListing("P00001", "Desk lamp", price, null, SEEDED_AT);
    }
}
