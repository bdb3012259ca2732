package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The integer arithmetic of the market and of quotes against the plain decimal formula in {@link BigDecimal},
 * over millions of seeded random inputs: prices of every magnitude up to {@link Long#MAX_VALUE} (so both sides of
 * the point where the integer path hands over to {@code BigDecimal}, and results that overflow), currencies with
 * 0, 2 and 3 decimals, random exchange rates, segment discounts and sales. Same price, or the same overflow, on
 * every input. The seed is fixed so that a failure repeats; the message names the input.
 */
class MoneyArithmeticPropertyTest {

    private static final long SEED = 0x71C_5C0BEL;
    private static final int MARKET_MOVES = 3_000_000;
    private static final int CALCULATORS = 400;
    private static final int QUOTES_PER_CALCULATOR = 2_500;
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final List<OptionalLong> OVERFLOW = List.of(OptionalLong.empty(), OptionalLong.empty());
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** Currencies with 0 (JPY, KRW), 2 (USD, EUR, GBP, CHF) and 3 (KWD, BHD, TND) decimals. */
    private static final List<Currency> CURRENCIES =
            List.of("USD", "EUR", "GBP", "CHF", "JPY", "KRW", "KWD", "BHD", "TND").stream()
                    .map(Currency::getInstance)
                    .toList();

    private final SplittableRandom random = new SplittableRandom(SEED);

    @Test
    void marketMovesGiveTheDecimalFormulasPriceOnEveryInput() {
        for (int i = 0; i < MARKET_MOVES; i++) {
            int changeBasisPoints = changeBasisPoints();
            long price = i % 4 == 0 ? nearLongBoundary(10_000L + changeBasisPoints) : price();
            OptionalLong expected = decimal(() -> BigDecimal.valueOf(price)
                    .multiply(BigDecimal.valueOf(10_000L + changeBasisPoints))
                    .divide(TEN_THOUSAND, 0, RoundingMode.HALF_EVEN)
                    .longValueExact());
            OptionalLong actual = decimal(() -> MarketMove.apply(price, changeBasisPoints));
            if (!actual.equals(expected)) { // AssertJ only on a mismatch: describing a million inputs is slow
                assertThat(actual)
                        .as("%d minor units moved by %d basis points", price, changeBasisPoints)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void marketMovesRoundHalfEvenAtTheEdges() {
        assertThat(MarketMove.apply(5, -1_000)).isEqualTo(4); // 4.5 -> 4
        assertThat(MarketMove.apply(15, -1_000)).isEqualTo(14); // 13.5 -> 14
        assertThat(MarketMove.apply(1, 5_000)).isEqualTo(2); // 1.5 -> 2
        assertThat(MarketMove.apply(1, -5_000)).isEqualTo(0); // 0.5 -> 0 (the book keeps one minor unit)
        assertThat(MarketMove.apply(Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(MarketMove.apply(Long.MAX_VALUE, -1)).isEqualTo(9_222_449_699_651_090_329L);
        assertThat(decimal(() -> MarketMove.apply(Long.MAX_VALUE, 1))).isEmpty();
    }

    @Test
    void quotesGiveTheDecimalFormulasPricesOnEveryInput() {
        for (int c = 0; c < CALCULATORS; c++) {
            Map<Currency, BigDecimal> rates = new HashMap<>();
            for (Currency currency : CURRENCIES) {
                rates.put(currency, rate());
            }
            EnumMap<Segment, Integer> discounts = new EnumMap<>(Segment.class);
            for (Segment segment : Segment.values()) {
                discounts.put(segment, random.nextInt(4) == 0 ? 0 : random.nextInt(9_001));
            }
            QuoteCalculator calculator = new QuoteCalculator(ExchangeRates.of(rates), SegmentDiscounts.of(discounts));
            for (int i = 0; i < QUOTES_PER_CALCULATOR; i++) {
                Currency listed = pick(CURRENCIES);
                Currency quoted = pick(CURRENCIES);
                Segment segment = pick(List.of(Segment.values()));
                @Nullable Sale sale = sale();
                long share = (10_000L - discounts.getOrDefault(segment, 0))
                        * (sale != null && sale.isRunningAt(NOW) ? 10_000L - sale.discountBasisPoints() : 10_000L);
                long price = Math.max(1, i % 4 == 0 ? nearQuoteBoundary(rates, listed, quoted, share) : price());
                ProductListing listing = new ProductListing("P1", "Lamp", new Amount(listed, price), sale, NOW);
                BigDecimal numerator = BigDecimal.valueOf(price).multiply(minorUnitsPerUsd(rates, quoted));
                BigDecimal denominator = minorUnitsPerUsd(rates, listed);
                OptionalLong expectedBase = decimal(() ->
                        numerator.divide(denominator, 0, RoundingMode.HALF_EVEN).longValueExact());
                OptionalLong expectedDiscounted = decimal(() -> numerator
                        .multiply(BigDecimal.valueOf(share))
                        .divide(denominator.multiply(BigDecimal.valueOf(100_000_000L)), 0, RoundingMode.HALF_EVEN)
                        .longValueExact());
                List<OptionalLong> expected = expectedBase.isPresent() && expectedDiscounted.isPresent()
                        ? List.of(expectedBase, expectedDiscounted)
                        : OVERFLOW;
                List<OptionalLong> actual = quoted(calculator, listing, quoted, segment);
                if (!actual.equals(expected)) {
                    assertThat(actual)
                            .as(
                                    "base and discounted price of %s in %s for %s, rates %s, discounts %s, sale %s",
                                    listing.basePrice(), quoted, segment, rates, discounts, sale)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** A price of a random magnitude: its bit length uniform from 0 to 63, so every scale is tried as often. */
    private long price() {
        int bits = random.nextInt(64);
        return bits == 0 ? 0 : random.nextLong(1L << (bits - 1), bits == 63 ? Long.MAX_VALUE : 1L << bits);
    }

    /** A price within two of the largest that multiplied by {@code factor} still fits in a long. */
    private long nearLongBoundary(long factor) {
        return Math.max(0, Long.MAX_VALUE / factor + random.nextInt(-2, 3));
    }

    /**
     * A price next to where the integer path hands over to {@code BigDecimal}: price × numerator (the base
     * price) or price × numerator × share (the discounted one) reaching 2^63, numerator being that of the
     * reduced fraction of target minor units per listing minor unit.
     */
    private long nearQuoteBoundary(Map<Currency, BigDecimal> rates, Currency listed, Currency quoted, long share) {
        BigDecimal target = minorUnitsPerUsd(rates, quoted);
        BigDecimal source = minorUnitsPerUsd(rates, listed);
        int scale = Math.max(Math.max(target.scale(), source.scale()), 0);
        BigInteger wholeTarget = target.movePointRight(scale).toBigIntegerExact();
        BigInteger wholeSource = source.movePointRight(scale).toBigIntegerExact();
        BigInteger numerator = wholeTarget.divide(wholeTarget.gcd(wholeSource));
        BigInteger factor = random.nextBoolean() ? numerator : numerator.multiply(BigInteger.valueOf(share));
        BigInteger largest = BigInteger.valueOf(Long.MAX_VALUE).divide(factor);
        if (largest.bitLength() >= Long.SIZE - 1) {
            return price();
        }
        return Math.max(0, largest.longValueExact() + random.nextInt(-2, 3));
    }

    /** A move the market could make, mostly small, sometimes up to doubling and beyond. */
    private int changeBasisPoints() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(-9_999, 10_001);
            case 1 -> random.nextInt(-9_999, 1_000_000);
            default -> random.nextInt(-100, 101);
        };
    }

    /** Units per US dollar with 0 to 6 decimals, from 0.000001 to 10,000,000. */
    private BigDecimal rate() {
        return BigDecimal.valueOf(random.nextLong(1, 10_000_000), random.nextInt(7));
    }

    /** No sale, a running sale or one that has ended. */
    private @Nullable Sale sale() {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> new Sale(random.nextInt(1, 9_001), NOW.plusSeconds(60));
            default -> new Sale(random.nextInt(1, 9_001), NOW.minusSeconds(60));
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The value {@code computation} gives, or empty when it overflows a long. */
    private static OptionalLong decimal(LongSupplier computation) {
        try {
            return OptionalLong.of(computation.getAsLong());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** The quote's base and discounted price in minor units, or {@link #OVERFLOW} when it does not fit. */
    private static List<OptionalLong> quoted(
            QuoteCalculator calculator, ProductListing listing, Currency currency, Segment segment) {
        try {
            Quote quote = calculator.quote(listing, currency, segment, NOW);
            return List.of(
                    OptionalLong.of(quote.basePrice().minorUnits()),
                    OptionalLong.of(quote.discountedPrice().minorUnits()));
        } catch (ArithmeticException e) {
            return OVERFLOW;
        }
    }

    /** How many minor units of {@code currency} one US dollar buys at {@code rates}. */
    private static BigDecimal minorUnitsPerUsd(Map<Currency, BigDecimal> rates, Currency currency) {
        return requireNonNull(rates.get(currency), "rate").movePointRight(currency.getDefaultFractionDigits());
    }
}
