package io.tickscope.server.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A market move of a price in minor units by a number of basis points: price × (10,000 + change) / 10,000,
 * rounded half-even to a whole minor unit.
 *
 * <p>In {@code long}s while price × (10,000 + change) fits in one: every price up to 9.2 × 10^14 minor units
 * (9.2 trillion dollars, or 920 billion of a three-decimal currency) under any move the market makes, and far
 * beyond for small moves. Past that, the same value in {@link BigDecimal}: rare, and as exact.
 */
final class MarketMove {

    private static final long BASIS_POINTS_PER_ONE = 10_000;
    private static final BigDecimal BASIS_POINTS_PER_ONE_DECIMAL = BigDecimal.valueOf(BASIS_POINTS_PER_ONE);

    private MarketMove() {}

    /**
     * Returns {@code minorUnits} moved by {@code changeBasisPoints}, rounded half-even.
     *
     * @throws ArithmeticException when the moved price does not fit in a {@code long}
     */
    static long apply(long minorUnits, int changeBasisPoints) {
        long factor = BASIS_POINTS_PER_ONE + changeBasisPoints;
        if (HalfEvenDivision.productFits(minorUnits, factor)) {
            return HalfEvenDivision.divide(minorUnits * factor, BASIS_POINTS_PER_ONE);
        }
        return applyInBigDecimal(minorUnits, changeBasisPoints);
    }

    /** The reference: the same move computed in {@link BigDecimal}, exact for any input. */
    static long applyInBigDecimal(long minorUnits, int changeBasisPoints) {
        return BigDecimal.valueOf(minorUnits)
                .multiply(BigDecimal.valueOf(BASIS_POINTS_PER_ONE + changeBasisPoints))
                .divide(BASIS_POINTS_PER_ONE_DECIMAL, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
