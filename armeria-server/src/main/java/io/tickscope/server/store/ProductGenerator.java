package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.Sale;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes product listings {@code P00001}, {@code P00002} and on: named from {@link ProductKinds}, listed in USD,
 * EUR, GBP or JPY at prices that end the way shop prices do (19.99, ¥2,980), about one in twenty on sale.
 */
final class ProductGenerator {

    /** The percentage of the catalogue listed in {@code currency}. */
    private record CurrencyShare(Currency currency, int percent) {}

    private static final List<CurrencyShare> CURRENCY_SHARES = List.of(
            new CurrencyShare(Currency.getInstance("USD"), 40),
            new CurrencyShare(Currency.getInstance("EUR"), 30),
            new CurrencyShare(Currency.getInstance("GBP"), 15),
            new CurrencyShare(Currency.getInstance("JPY"), 15));

    // Names are unique; with tens of thousands of possible names, a draw is new more often than not.
    private static final int MAX_DRAWS_PER_NAME = 100;

    private static final double SALE_PROBABILITY = 0.05;
    private static final int MIN_SALE_DISCOUNT_BP = 500;
    private static final int MAX_SALE_DISCOUNT_BP = 4_000;
    private static final int SALE_DISCOUNT_STEP_BP = 50;
    private static final long MIN_SALE_MINUTES = Duration.ofHours(1).toMinutes();
    private static final long MAX_SALE_MINUTES = Duration.ofHours(48).toMinutes();

    private final SplittableRandom random;
    private final Map<Currency, BigDecimal> unitsPerUsd;
    private final Instant seedTime;

    /**
     * Creates a generator that draws from {@code random}, converts US dollar prices at {@code unitsPerUsd} and
     * lists every product at {@code seedTime}, with sales ending hours after it.
     */
    ProductGenerator(SplittableRandom random, Map<Currency, BigDecimal> unitsPerUsd, Instant seedTime) {
        this.random = requireNonNull(random, "random");
        this.unitsPerUsd = Map.copyOf(unitsPerUsd);
        for (CurrencyShare share : CURRENCY_SHARES) {
            if (!unitsPerUsd.containsKey(share.currency())) {
                throw new IllegalArgumentException(
                        "unitsPerUsd: " + unitsPerUsd.keySet() + " (expected: a rate for " + share.currency() + ')');
            }
        }
        this.seedTime = requireNonNull(seedTime, "seedTime");
    }

    /** Returns {@code count} listings in product id order. */
    List<ProductListing> generate(int count) {
        List<ProductListing> listings = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            ProductKinds.Kind kind = ProductKinds.draw(random);
            String name = kind.name(random);
            for (int draws = 1; !names.add(name); draws++) {
                if (draws == MAX_DRAWS_PER_NAME) {
                    throw new IllegalStateException("product " + productId(i) + ": no new name in " + draws
                            + " draws (expected: far fewer products than possible names)");
                }
                kind = ProductKinds.draw(random);
                name = kind.name(random);
            }
            listings.add(new ProductListing(productId(i), name, price(kind, currency()), sale(), seedTime));
        }
        return listings;
    }

    /** Returns the id of the {@code number}th product, for example "P00042". */
    static String productId(int number) {
        return String.format("P%05d", number);
    }

    private Currency currency() {
        int percentile = random.nextInt(100);
        for (CurrencyShare share : CURRENCY_SHARES) {
            percentile -= share.percent();
            if (percentile < 0) {
                return share.currency();
            }
        }
        throw new IllegalStateException("currency shares: " + CURRENCY_SHARES + " (expected: adding up to 100 %)");
    }

    private Amount price(ProductKinds.Kind kind, Currency currency) {
        // Log-uniform between the kind's bounds: cheap and dear products of a kind are equally common per ratio.
        // StrictMath gives the same bits on every JVM and platform, so a seed makes the same prices everywhere.
        double logMin = StrictMath.log(kind.minUsdCents());
        double logMax = StrictMath.log(kind.maxUsdCents());
        long usdCents = Math.round(StrictMath.exp(logMin + random.nextDouble() * (logMax - logMin)));
        BigDecimal inCurrency = BigDecimal.valueOf(usdCents, 2).multiply(unitsPerUsd.get(currency));
        return shopPrice(currency, inCurrency);
    }

    /**
     * Returns {@code value} as a shop would print it: just under a whole unit (19.99) in currencies with minor
     * units, just under a whole hundred (2,980) in yen and others without.
     */
    private static Amount shopPrice(Currency currency, BigDecimal value) {
        int digits = currency.getDefaultFractionDigits();
        if (digits > 0) {
            long wholeUnits =
                    Math.max(1, value.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            return new Amount(currency, wholeUnits * BigDecimal.TEN.pow(digits).longValueExact() - 1);
        }
        long hundreds = Math.max(
                1, value.movePointLeft(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        return new Amount(currency, hundreds * 100 - 20);
    }

    private @Nullable Sale sale() {
        if (random.nextDouble() >= SALE_PROBABILITY) {
            return null;
        }
        int steps = (MAX_SALE_DISCOUNT_BP - MIN_SALE_DISCOUNT_BP) / SALE_DISCOUNT_STEP_BP;
        int discount = MIN_SALE_DISCOUNT_BP + SALE_DISCOUNT_STEP_BP * random.nextInt(steps + 1);
        long minutes = random.nextLong(MIN_SALE_MINUTES, MAX_SALE_MINUTES + 1);
        return new Sale(discount, seedTime.plus(Duration.ofMinutes(minutes)));
    }
}
