package io.tickscope.desktop.alerts;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A percentage that a change of price is compared with exactly, on every tick and without {@code BigDecimal}: a
 * change of 1 in 1,000 minor units reaches 0.1 %, which in doubles it does not ({@code 0.1 * 1000 > 100.0}).
 * The percentage is {@code digits / 10^scale}; a change reaches it when {@code change * 100 * 10^scale >= digits
 * * base}, both sides multiplied out in 128 bits. A percentage with more digits than a long holds is compared as
 * a {@code BigDecimal}.
 */
final class Percentage {

    /** 100 × 10^18 would not fit a long. */
    private static final int MAX_SCALE = 16;

    private final BigDecimal percent;
    private final long digits;
    private final long hundredScaled;
    private final boolean fitsLongs;

    Percentage(BigDecimal percent) {
        this.percent = requireNonNull(percent, "percent");
        BigDecimal plain = percent.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        fitsLongs = plain.scale() <= MAX_SCALE && plain.unscaledValue().bitLength() < Long.SIZE;
        digits = fitsLongs ? plain.unscaledValue().longValueExact() : 0;
        hundredScaled =
                fitsLongs ? 100 * BigDecimal.ONE.movePointRight(plain.scale()).longValueExact() : 0;
    }

    /** Returns whether {@code change} is at least this percentage of {@code base}; both at least zero. */
    boolean reachedBy(long change, long base) {
        if (!fitsLongs) {
            return BigDecimal.valueOf(change).movePointRight(2).compareTo(percent.multiply(BigDecimal.valueOf(base)))
                    >= 0;
        }
        long leftHigh = Math.multiplyHigh(change, hundredScaled);
        long rightHigh = Math.multiplyHigh(digits, base);
        if (leftHigh != rightHigh) {
            return leftHigh > rightHigh;
        }
        return Long.compareUnsigned(change * hundredScaled, digits * base) >= 0;
    }
}
