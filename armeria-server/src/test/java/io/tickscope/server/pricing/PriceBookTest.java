package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.EUR;
import static io.tickscope.server.pricing.InMemoryProductStore.GBP;
import static io.tickscope.server.pricing.InMemoryProductStore.JPY;
import static io.tickscope.server.pricing.InMemoryProductStore.SEEDED_AT;
import static io.tickscope.server.pricing.InMemoryProductStore.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.testing.MutableClock;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private static final Instant NOW = SEEDED_AT.plus(Duration.ofHours(1));
    private static final Instant SALE_END = NOW.plus(Duration.ofMinutes(10));

    private final MutableClock clock = new MutableClock(NOW);
    private final PriceBook book = PriceBook.load(
            new InMemoryProductStore(List.of(
                    listing("P00001", "Desk lamp", Amount.of("USD", "19.99"), null),
                    listing("P00002", "Kettle", Amount.of("EUR", "45.00"), new Sale(2_000, SALE_END)),
                    listing("P00003", "Teapot", Amount.of("JPY", "1000"), null),
                    listing("P00004", "Coaster", Amount.of("USD", "0.30"), null),
                    listing("P00005", "Napkin", Amount.of("USD", "0.50"), null),
                    listing("P00006", "Straw", Amount.of("USD", "0.20"), null))),
            clock);

    @Test
    void quotesInTheListingCurrencyWithTheSegmentDiscount() {
        Quote quote = book.quote("P00001", USD, Segment.VIP);

        assertThat(quote.productId()).isEqualTo("P00001");
        assertThat(quote.productName()).isEqualTo("Desk lamp");
        assertThat(quote.segment()).isEqualTo(Segment.VIP);
        assertThat(quote.basePrice()).isEqualTo(Amount.of("USD", "19.99"));
        // 19.99 * 0.95 = 18.9905
        assertThat(quote.discountedPrice()).isEqualTo(Amount.of("USD", "18.99"));
        assertThat(quote.onSale()).isFalse();
        assertThat(quote.saleEndTime()).isNull();
        assertThat(quote.updateTime()).isEqualTo(SEEDED_AT);
    }

    @Test
    void convertsToTheRequestedCurrencyBeforeDiscounting() {
        // 19.99 USD * 0.92 = 18.3908 EUR; * 0.95 = 17.47126; * 0.85 = 15.63218
        assertThat(book.quote("P00001", EUR, Segment.STANDARD).discountedPrice())
                .isEqualTo(Amount.of("EUR", "18.39"));
        assertThat(book.quote("P00001", EUR, Segment.VIP).basePrice()).isEqualTo(Amount.of("EUR", "18.39"));
        assertThat(book.quote("P00001", EUR, Segment.VIP).discountedPrice()).isEqualTo(Amount.of("EUR", "17.47"));
        assertThat(book.quote("P00001", EUR, Segment.WHOLESALE).discountedPrice())
                .isEqualTo(Amount.of("EUR", "15.63"));
    }

    @Test
    void convertsBetweenCurrenciesWithDifferentMinorUnits() {
        // 19.99 USD * 151.37 = 3025.8863 JPY; * 0.95 = 2874.591985
        Quote inYen = book.quote("P00001", JPY, Segment.VIP);
        assertThat(inYen.basePrice()).isEqualTo(Amount.of("JPY", "3026"));
        assertThat(inYen.discountedPrice()).isEqualTo(Amount.of("JPY", "2875"));

        // 1000 JPY / 151.37 = 6.60632886... USD; * 0.85 = 5.61537953...
        Quote inDollars = book.quote("P00003", USD, Segment.WHOLESALE);
        assertThat(inDollars.basePrice()).isEqualTo(Amount.of("USD", "6.61"));
        assertThat(inDollars.discountedPrice()).isEqualTo(Amount.of("USD", "5.62"));
    }

    @Test
    void appliesARunningSaleOnTopOfTheSegmentDiscount() {
        // 45.00 EUR / 0.92 = 48.91304347... USD; * 0.95 * 0.80 = 37.17391304...
        Quote quote = book.quote("P00002", USD, Segment.VIP);

        assertThat(quote.basePrice()).isEqualTo(Amount.of("USD", "48.91"));
        assertThat(quote.discountedPrice()).isEqualTo(Amount.of("USD", "37.17"));
        assertThat(quote.onSale()).isTrue();
        assertThat(quote.saleEndTime()).isEqualTo(SALE_END);
        // 45.00 EUR * 0.79 / 0.92 = 38.64130434... GBP; * 0.85 * 0.80 = 26.27608695...
        assertThat(book.quote("P00002", GBP, Segment.WHOLESALE).basePrice()).isEqualTo(Amount.of("GBP", "38.64"));
        assertThat(book.quote("P00002", GBP, Segment.WHOLESALE).discountedPrice())
                .isEqualTo(Amount.of("GBP", "26.28"));
    }

    @Test
    void stopsApplyingASaleWhenTheClockPassesItsEnd() {
        clock.advance(Duration.between(NOW, SALE_END).minusNanos(1));
        assertThat(book.quote("P00002", USD, Segment.VIP).onSale()).isTrue();

        clock.advance(Duration.ofNanos(1));
        Quote quote = book.quote("P00002", USD, Segment.VIP);

        // 48.91304347... * 0.95 = 46.46739130...
        assertThat(quote.discountedPrice()).isEqualTo(Amount.of("USD", "46.47"));
        assertThat(quote.onSale()).isFalse();
        assertThat(quote.saleEndTime()).isNull();
    }

    @Test
    void roundsExactHalvesToTheEvenMinorUnit() {
        // 0.30 * 0.95 = 0.285 and 0.50 * 0.95 = 0.475: half-up would give 0.29 and 0.48.
        assertThat(book.quote("P00004", USD, Segment.VIP).discountedPrice()).isEqualTo(Amount.of("USD", "0.28"));
        assertThat(book.quote("P00005", USD, Segment.VIP).discountedPrice()).isEqualTo(Amount.of("USD", "0.48"));
    }

    @Test
    void roundsOnceNotAfterEachStep() {
        // 0.20 USD * 0.79 = 0.158 GBP (base 0.16); 0.158 * 0.85 = 0.1343 -> 0.13,
        // where discounting the rounded base would give 0.16 * 0.85 = 0.136 -> 0.14.
        Quote quote = book.quote("P00006", GBP, Segment.WHOLESALE);

        assertThat(quote.basePrice()).isEqualTo(Amount.of("GBP", "0.16"));
        assertThat(quote.discountedPrice()).isEqualTo(Amount.of("GBP", "0.13"));
    }

    @Test
    void quotesMatchTheExactValueRoundedOnceForAnyPrice() {
        ProductStore store = new InMemoryProductStore(List.of());
        ExchangeRates rates = store.loadExchangeRates();
        QuoteCalculator calculator = new QuoteCalculator(rates, store.loadSegmentDiscounts());
        List<Currency> currencies = List.of(USD, EUR, GBP, JPY);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Currency from = currencies.get(random.nextInt(currencies.size()));
            Currency to = currencies.get(random.nextInt(currencies.size()));
            Amount price = new Amount(from, random.nextLong(1, 100_000_000_000L));
            int saleDiscount = random.nextInt(1, 9_001);
            ProductListing listing =
                    new ProductListing("P1", "Anything", price, new Sale(saleDiscount, SALE_END), SEEDED_AT);

            Quote quote = calculator.quote(listing, to, Segment.WHOLESALE, NOW);

            BigDecimal exact = price.toBigDecimal()
                    .multiply(rates.rateOf(to))
                    .multiply(new BigDecimal("0.85"))
                    .multiply(BigDecimal.valueOf(10_000 - saleDiscount, 4))
                    .divide(rates.rateOf(from), to.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
            assertThat(quote.discountedPrice()).as("%s in %s", price, to).isEqualTo(Amount.of(to, exact));
            assertThat(quote.basePrice()).as("%s in %s", price, to).isEqualTo(rates.convert(price, to));
        }
    }

    @Test
    void rejectsAnUnsupportedCurrency() {
        Currency francs = Currency.getInstance("CHF");

        assertThatThrownBy(() -> book.quote("P00001", francs, Segment.STANDARD))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation("currency_code", "\"CHF\" (expected: one of EUR, GBP, JPY, USD)")));
        assertThatThrownBy(() -> book.requireSupported(francs)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void rejectsAnUnknownProduct() {
        assertThatThrownBy(() -> book.quote("P99999", USD, Segment.STANDARD))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("product not found: \"P99999\"");
        assertThat(book.contains("P99999")).isFalse();
        assertThat(book.contains("P00001")).isTrue();
        assertThat(book.productIds()).containsExactly("P00001", "P00002", "P00003", "P00004", "P00005", "P00006");
    }

    @Test
    void startsEveryProductAtSequenceOneWithItsStoredUpdateTime() {
        for (String productId : book.productIds()) {
            PriceUpdate update = book.latestUpdate(productId);
            assertThat(update.sequenceNumber()).isEqualTo(1);
            assertThat(update.eventTime()).isEqualTo(SEEDED_AT);
        }
    }

    @Test
    void numbersTheChangesOfEachProductOnItsOwn() {
        book.publish("P00001", Amount.of("USD", "20.49"), null);
        clock.advance(Duration.ofSeconds(1));
        ProductListing moved = book.applyMarketMove("P00001", 25, null);
        book.applyMarketMove("P00003", -25, null);

        PriceUpdate latest = book.latestUpdate("P00001");
        assertThat(latest.sequenceNumber()).isEqualTo(3);
        assertThat(latest.kind()).isEqualTo(PriceUpdate.Kind.CHANGE);
        assertThat(latest.eventTime()).isEqualTo(NOW.plusSeconds(1));
        assertThat(latest.listing()).isEqualTo(moved);
        // 20.49 * 1.0025 = 20.541225
        assertThat(moved.basePrice()).isEqualTo(Amount.of("USD", "20.54"));
        assertThat(moved.updateTime()).isEqualTo(NOW.plusSeconds(1));
        assertThat(book.latestUpdate("P00003").sequenceNumber()).isEqualTo(2);
        assertThat(book.latestUpdate("P00002").sequenceNumber()).isEqualTo(1);
    }

    @Test
    void aMoveByIndexChangesTheProductAtThatPlaceInTheIdsAsAMoveByIdDoes() {
        int index = book.productIds().indexOf("P00003");
        ProductListing byIndex = book.applyMarketMove(index, 25, null);
        ProductListing byId = book.applyMarketMove("P00003", 25, null);

        assertThat(byIndex.productId()).isEqualTo("P00003");
        assertThat(book.latestUpdate("P00003").sequenceNumber()).isEqualTo(3);
        assertThat(byId.basePrice().minorUnits())
                .isEqualTo(MarketMove.apply(byIndex.basePrice().minorUnits(), 25));
        assertThatThrownBy(() -> book.applyMarketMove(book.productIds().size(), 25, null))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("productIndex: " + book.productIds().size());
    }

    @Test
    void marketMovesNeverTakeAPriceBelowOneMinorUnit() {
        book.publish("P00004", Amount.of("USD", "0.01"), null);

        assertThat(book.applyMarketMove("P00004", -9_999, null).basePrice()).isEqualTo(Amount.of("USD", "0.01"));
    }

    @Test
    void publishReturnsTheNewListingAndKeepsARunningSale() {
        ProductListing listing = book.publish("P00002", Amount.of("EUR", "44.00"), null);

        assertThat(listing)
                .isEqualTo(new ProductListing(
                        "P00002", "Kettle", Amount.of("EUR", "44.00"), new Sale(2_000, SALE_END), NOW));
        assertThat(book.quote("P00002", EUR, Segment.STANDARD).discountedPrice())
                .isEqualTo(Amount.of("EUR", "35.20"));
    }

    @Test
    void publishStartsANewSaleAndChangesDropAnEndedOne() {
        Sale sale = new Sale(1_000, NOW.plusSeconds(30));
        assertThat(book.publish("P00001", Amount.of("USD", "19.99"), sale).sale())
                .isEqualTo(sale);

        clock.advance(Duration.ofSeconds(30));

        assertThat(book.applyMarketMove("P00001", 0, null).sale()).isNull();
    }

    @Test
    void publishRejectsEveryBadFieldAtOnce() {
        Sale ended = new Sale(1_000, NOW);

        assertThatThrownBy(() -> book.publish("P00001", Amount.of("EUR", "0.00"), ended))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new FieldViolation(
                                        "base_price.currency_code",
                                        "\"EUR\" (expected: \"USD\", the listing currency of \"P00001\")"),
                                new FieldViolation("base_price", "0.00 EUR (expected: > 0)"),
                                new FieldViolation(
                                        "sale_end_time",
                                        "2026-11-02T10:00:00Z (expected: after 2026-11-02T10:00:00Z)")));
        assertThat(book.latestUpdate("P00001").sequenceNumber()).isEqualTo(1);
    }

    @Test
    void publishRejectsANegativePrice() {
        assertThatThrownBy(() -> book.publish("P00001", new Amount(USD, -100), null))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("base_price", "-1.00 USD (expected: > 0)")));
    }

    @Test
    void publishRejectsAPriceThatSomeCurrencyCannotQuote() {
        // Long.MAX_VALUE cents are more than Long.MAX_VALUE yen.
        assertThatThrownBy(() -> book.publish("P00001", new Amount(USD, Long.MAX_VALUE), null))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("base_price");
                            assertThat(violation.description())
                                    .startsWith("92233720368547758.07 USD (expected: at most ")
                                    .endsWith(" USD, so that every currency can quote it)");
                        }));
        assertThat(book.latestUpdate("P00001").sequenceNumber()).isEqualTo(1);
    }

    @Test
    void publishRejectsAnUnknownProduct() {
        assertThatThrownBy(() -> book.publish("P99999", Amount.of("USD", "1.00"), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("product not found: \"P99999\"");
    }

    private static ProductListing listing(String id, String name, Amount price, @Nullable Sale sale) {
        return new ProductListing(id, name, price, sale, SEEDED_AT);
    }
}
