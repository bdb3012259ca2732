package io.tickscope.server.pricing;

import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Quotes a listing in a currency for a customer segment.
 *
 * <p>The discounted price is one exact fraction rounded once, half-even, to the minor unit of the quoted
 * currency: listing price × (target rate / listing rate) × (1 - segment discount) × (1 - sale discount). The
 * conversion comes first and the segment discount before the sale discount, but as nothing is rounded in
 * between, the order does not change the result. The base price is the same exact conversion, rounded on its
 * own; so the discounted price is never derived from an already rounded base price.
 *
 * <p>Quoting runs for every delivered price update and every item of a batch, so the conversion between each
 * pair of currencies is computed once, up front, as a reduced fraction of small integers (minor units of the
 * target per minor unit of the listing currency). A quote is then integer multiplications and half-even
 * divisions in {@code long}s while the products fit in one: price × numerator × share below 2^63, where the
 * share is at most 10^8 (two shares in basis points), which for the rates of a few digits that exchange rates
 * have covers prices to millions of dollars at least. Past that, the same fraction in {@link BigDecimal}, as
 * exact; {@code QuoteArithmeticPropertyTest} checks both against the plain decimal formula.
 */
final class QuoteCalculator {

    private static final long BASIS_POINTS_PER_ONE = 10_000;
    private static final BigDecimal BASIS_POINTS_SQUARED =
            BigDecimal.valueOf(BASIS_POINTS_PER_ONE * BASIS_POINTS_PER_ONE);

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF_PAST_LONG_MAX_TIMES_TWO =
            BigDecimal.valueOf(Long.MAX_VALUE).multiply(TWO).add(BigDecimal.ONE);

    /** By quoted currency, then by listing currency. */
    private final Map<Currency, Map<Currency, Conversion>> conversions;

    /** By segment ordinal: the share of the price the segment pays, in basis points. */
    private final long[] segmentShares;

    /** By listing currency: the largest base price, in minor units, whose quote fits in every currency. */
    private final Map<Currency, Long> largestQuotableMinorUnits;

    private final String supportedCodes;

    QuoteCalculator(ExchangeRates rates, SegmentDiscounts discounts) {
        supportedCodes = rates.currencies().stream()
                .map(Currency::getCurrencyCode)
                .sorted()
                .collect(Collectors.joining(", "));
        Map<Currency, Map<Currency, Conversion>> byTarget = new HashMap<>();
        for (Currency target : rates.currencies()) {
            Map<Currency, Conversion> bySource = new HashMap<>();
            for (Currency source : rates.currencies()) {
                bySource.put(source, Conversion.between(source, rates.rateOf(source), target, rates.rateOf(target)));
            }
            byTarget.put(target, Map.copyOf(bySource));
        }
        conversions = Map.copyOf(byTarget);
        Map<Currency, Long> largest = new HashMap<>();
        for (Currency source : rates.currencies()) {
            largest.put(source, largestQuotableMinorUnits(source));
        }
        largestQuotableMinorUnits = Map.copyOf(largest);
        segmentShares = new long[Segment.values().length];
        for (Segment segment : Segment.values()) {
            segmentShares[segment.ordinal()] = BASIS_POINTS_PER_ONE - discounts.basisPointsOf(segment);
        }
    }

    /** Returns whether listings priced in {@code currency} can be quoted, and quotes given in it. */
    boolean supports(Currency currency) {
        return conversions.containsKey(currency);
    }

    /**
     * Throws unless prices can be quoted in {@code currency}.
     *
     * @throws InvalidArgumentException naming the field {@code currency_code}
     */
    void requireSupported(Currency currency) {
        if (!supports(currency)) {
            throw unsupported(currency);
        }
    }

    /**
     * Returns the largest price in {@code currency} that can be quoted in every supported currency: a larger one
     * would overflow a quote's minor units. Discounts only lower a quote, so the base price bounds it.
     *
     * @throws IllegalArgumentException when {@code currency} is not supported
     */
    Amount largestQuotablePrice(Currency currency) {
        Long minorUnits = largestQuotableMinorUnits.get(currency);
        if (minorUnits == null) {
            throw new IllegalArgumentException(
                    "listing currency: " + currency + " (expected: one of " + supportedCodes + ')');
        }
        return new Amount(currency, minorUnits);
    }

    /**
     * Returns {@code listing} quoted in {@code currency} for {@code segment}, with the sale applied when it
     * runs at {@code now}.
     *
     * @throws InvalidArgumentException naming {@code currency_code} when {@code currency} is not supported
     * @throws IllegalArgumentException when the listing is priced in a currency that is not supported
     */
    Quote quote(ProductListing listing, Currency currency, Segment segment, Instant now) {
        Conversion conversion = conversionOf(listing.basePrice().currency(), currency);
        @Nullable Sale sale = listing.sale() != null && listing.sale().isRunningAt(now) ? listing.sale() : null;
        long saleShare = sale == null ? BASIS_POINTS_PER_ONE : BASIS_POINTS_PER_ONE - sale.discountBasisPoints();
        long share = segmentShares[segment.ordinal()] * saleShare;

        long minorUnits = listing.basePrice().minorUnits();
        long baseMinorUnits = conversion.convert(minorUnits);
        long discountedMinorUnits = conversion.convertAndShare(minorUnits, share);
        return new Quote(
                listing.productId(),
                listing.name(),
                segment,
                new Amount(currency, baseMinorUnits),
                new Amount(currency, discountedMinorUnits),
                sale != null,
                sale == null ? null : sale.endTime(),
                listing.updateTime(),
                listing.basePrice().currency());
    }

    /**
     * Returns what {@code segment} pays, in {@code currency}, for a listing price of {@code basePrice} with a sale
     * discount of {@code saleDiscountBasisPoints} (0: no sale): the discounted price {@link #quote} gives for such
     * a listing, computed the same way. It never decreases as basePrice x (10000 - saleDiscountBasisPoints) grows,
     * which is what lets a bar's high and low be picked before it is quoted.
     *
     * @throws InvalidArgumentException naming {@code currency_code} when {@code currency} is not supported
     */
    Amount discountedPrice(Amount basePrice, int saleDiscountBasisPoints, Currency currency, Segment segment) {
        Conversion conversion = conversionOf(basePrice.currency(), currency);
        long share = segmentShares[segment.ordinal()] * (BASIS_POINTS_PER_ONE - saleDiscountBasisPoints);
        long minorUnits = BigDecimal.valueOf(basePrice.minorUnits())
                .multiply(conversion.numerator)
                .multiply(BigDecimal.valueOf(share))
                .divide(conversion.denominatorTimesShareScale, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        return new Amount(currency, minorUnits);
    }

    private long largestQuotableMinorUnits(Currency source) {
        BigDecimal largest = BigDecimal.valueOf(Long.MAX_VALUE);
        for (Currency target : conversions.keySet()) {
            Conversion conversion = conversionOf(source, target);
            // A price p quotes as p * n / d rounded half-even, which stays within a long exactly while
            // p * n / d < Long.MAX_VALUE + 1/2 (an odd number plus a half rounds up, to the even one above).
            BigDecimal fits = HALF_PAST_LONG_MAX_TIMES_TWO
                    .multiply(conversion.denominator)
                    .divide(conversion.numerator.multiply(TWO), 0, RoundingMode.CEILING)
                    .subtract(BigDecimal.ONE);
            largest = largest.min(fits);
        }
        return largest.longValueExact();
    }

    private Conversion conversionOf(Currency source, Currency target) {
        Map<Currency, Conversion> bySource = conversions.get(target);
        if (bySource == null) {
            throw unsupported(target);
        }
        Conversion conversion = bySource.get(source);
        if (conversion == null) {
            throw new IllegalArgumentException(
                    "listing currency: " + source + " (expected: one of " + supportedCodes + ')');
        }
        return conversion;
    }

    private InvalidArgumentException unsupported(Currency currency) {
        return InvalidArgumentException.of(
                "currency_code", '"' + currency.getCurrencyCode() + "\" (expected: one of " + supportedCodes + ')');
    }

    /**
     * Minor units of a target currency per minor unit of a source currency, as a reduced fraction, with the
     * two roundings a quote needs: in {@code long}s while they fit, else in {@link BigDecimal}.
     */
    private static final class Conversion {

        final BigDecimal numerator;
        final BigDecimal denominator;
        /** The denominator times 10^8, which divides out two shares given in basis points. */
        final BigDecimal denominatorTimesShareScale;

        /** Whether the numerator and both denominators fit in {@code long}s, so the integer path can run. */
        private final boolean fitsInLongs;

        private final long longNumerator;
        private final long longDenominator;
        private final long longDenominatorTimesShareScale;

        private Conversion(BigInteger numerator, BigInteger denominator) {
            this.numerator = new BigDecimal(numerator);
            this.denominator = new BigDecimal(denominator);
            denominatorTimesShareScale = this.denominator.multiply(BASIS_POINTS_SQUARED);
            BigInteger scaledDenominator = denominatorTimesShareScale.toBigIntegerExact();
            fitsInLongs = numerator.bitLength() < Long.SIZE && scaledDenominator.bitLength() < Long.SIZE;
            longNumerator = fitsInLongs ? numerator.longValue() : 0;
            longDenominator = fitsInLongs ? denominator.longValue() : 0;
            longDenominatorTimesShareScale = fitsInLongs ? scaledDenominator.longValue() : 0;
        }

        /**
         * Returns {@code minorUnits} converted, rounded half-even.
         *
         * @throws ArithmeticException when the result does not fit in a {@code long}
         */
        long convert(long minorUnits) {
            if (fitsInLongs && HalfEvenDivision.productFits(minorUnits, longNumerator)) {
                return HalfEvenDivision.divide(minorUnits * longNumerator, longDenominator);
            }
            return BigDecimal.valueOf(minorUnits)
                    .multiply(numerator)
                    .divide(denominator, 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        }

        /**
         * Returns {@code minorUnits} converted and multiplied by {@code share} / 10^8, rounded once, half-even.
         *
         * @throws ArithmeticException when the result does not fit in a {@code long}
         */
        long convertAndShare(long minorUnits, long share) {
            if (fitsInLongs && HalfEvenDivision.productFits(minorUnits, longNumerator)) {
                long converted = minorUnits * longNumerator;
                if (HalfEvenDivision.productFits(converted, share)) {
                    return HalfEvenDivision.divide(converted * share, longDenominatorTimesShareScale);
                }
            }
            return BigDecimal.valueOf(minorUnits)
                    .multiply(numerator)
                    .multiply(BigDecimal.valueOf(share))
                    .divide(denominatorTimesShareScale, 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        }

        static Conversion between(
                Currency source, BigDecimal sourceUnitsPerUsd, Currency target, BigDecimal targetUnitsPerUsd) {
            // One source minor unit = 10^-sourceDigits / sourceRate USD = targetRate * 10^targetDigits
            // / (sourceRate * 10^sourceDigits) target minor units.
            BigDecimal numerator = targetUnitsPerUsd.movePointRight(target.getDefaultFractionDigits());
            BigDecimal denominator = sourceUnitsPerUsd.movePointRight(source.getDefaultFractionDigits());
            int scale = Math.max(numerator.scale(), denominator.scale());
            BigInteger wholeNumerator = numerator.movePointRight(scale).toBigIntegerExact();
            BigInteger wholeDenominator = denominator.movePointRight(scale).toBigIntegerExact();
            BigInteger divisor = wholeNumerator.gcd(wholeDenominator);
            return new Conversion(wholeNumerator.divide(divisor), wholeDenominator.divide(divisor));
        }
    }
}
