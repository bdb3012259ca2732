package io.tickscope.desktop.testing;

import com.google.type.Money;
import java.util.Random;

/** Random prices for tests and benchmarks that need many different updates. */
public final class RandomPrices {

    private RandomPrices() {}

    /** A price from 0.01 to 10,000.00 USD, in whole cents. */
    public static Money usd(Random random) {
        long cents = 1 + random.nextInt(1_000_000);
        return Money.newBuilder()
                .setCurrencyCode("USD")
                .setUnits(cents / 100)
                .setNanos((int) (cents % 100) * 10_000_000)
                .build();
    }
}
