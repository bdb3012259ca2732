package io.tickscope.server.pricing;

/**
 * Exact money arithmetic on whole minor units in {@code long}s: a product of non-negative factors divided by a
 * positive divisor, rounded once, half-even, as {@link java.math.BigDecimal#divide(java.math.BigDecimal, int,
 * java.math.RoundingMode)} with scale 0 and {@link java.math.RoundingMode#HALF_EVEN} rounds it.
 *
 * <p>The market and every quote run this on their hot paths, where a {@code BigDecimal} per step cost most of
 * the market thread. It is exact only while the product fits in a {@code long}; {@link #productFits} tells the
 * caller when to take its exact {@code BigDecimal} path instead, so no input gives a different price.
 */
final class HalfEvenDivision {

    private HalfEvenDivision() {}

    /** Returns whether {@code a} and {@code b} are both non-negative and {@code a × b} is at most {@link Long#MAX_VALUE}. */
    static boolean productFits(long a, long b) {
        // The high 64 bits of the 128-bit product are zero and the low 64 bits have no sign bit set.
        return (a | b) >= 0 && Math.multiplyHigh(a, b) == 0 && a * b >= 0;
    }

    /**
     * Returns {@code dividend / divisor} rounded half-even to a whole number.
     *
     * @param dividend at least zero
     * @param divisor above zero
     */
    static long divide(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long remainder = dividend - quotient * divisor;
        long rest = divisor - remainder; // remainder vs. rest compares 2 × remainder with the divisor, without overflow
        if (remainder > rest || (remainder == rest && (quotient & 1) == 1)) {
            return quotient + 1;
        }
        return quotient;
    }
}
