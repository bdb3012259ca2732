package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;

/**
 * A price as history keeps it: the base price in the listing currency and the sale discount that ran (0 for
 * none). Every quote of it, in any currency and segment, comes from these two, and never decreases as
 * {@link #compareTo its effective price} grows, so the highest and lowest stored prices quote as the highest
 * and lowest quotes.
 */
public record StoredPrice(Amount basePrice, int saleDiscountBasisPoints) implements Comparable<StoredPrice> {

    public StoredPrice {
        requireNonNull(basePrice, "basePrice");
        if (saleDiscountBasisPoints < 0 || saleDiscountBasisPoints > 9_000) {
            throw new IllegalArgumentException(
                    "saleDiscountBasisPoints: " + saleDiscountBasisPoints + " (expected: 0 to 9000)");
        }
    }

    /**
     * Compares base price x (10000 - sale discount), exactly: the product of two longs is compared as 128 bits,
     * as a large price times a share of 10,000 does not fit in 64.
     */
    @Override
    public int compareTo(StoredPrice other) {
        long a = basePrice.minorUnits();
        long sa = 10_000L - saleDiscountBasisPoints;
        long b = other.basePrice.minorUnits();
        long sb = 10_000L - other.saleDiscountBasisPoints;
        int high = Long.compare(Math.multiplyHigh(a, sa), Math.multiplyHigh(b, sb));
        return high != 0 ? high : Long.compareUnsigned(a * sa, b * sb);
    }
}
