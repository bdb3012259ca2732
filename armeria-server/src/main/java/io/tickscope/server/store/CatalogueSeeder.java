package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.Segment;
import io.tickscope.server.recommendation.Book;
import io.tickscope.server.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;

/**
 * Fills a database that has never been seeded with a made-up catalogue: exchange rates, segment discounts,
 * products, books, users and their ratings. Everything random comes from one seed, so the same seed and seeding
 * time make the same catalogue, row for row.
 */
final class CatalogueSeeder {

    private static final int PRODUCT_COUNT = 10_000;
    private static final int BOOK_COUNT = 2_000;
    private static final int AUTHOR_COUNT = 300;
    private static final int USER_COUNT = 1_000;
    private static final int RATING_COUNT = 20_000;

    /** Units of each currency one US dollar buys. */
    private static final Map<Currency, BigDecimal> UNITS_PER_USD = unitsPerUsd();

    /** The discount of each customer segment in basis points. */
    private static final Map<Segment, Integer> SEGMENT_DISCOUNTS = segmentDiscounts();

    private final long seed;
    private final Instant seedTime;

    /** Creates a seeder that draws from {@code seed} and lists products at {@code seedTime}. */
    CatalogueSeeder(long seed, Instant seedTime) {
        this.seed = seed;
        this.seedTime = requireNonNull(seedTime, "seedTime");
    }

    /**
     * Seeds the database through {@code handle}, within its transaction, unless it was seeded before; returns
     * whether it seeded.
     */
    boolean seedIfUnseeded(Handle handle) {
        boolean seeded = handle.createQuery("SELECT EXISTS (SELECT 1 FROM catalogue_seed)")
                .mapTo(Boolean.class)
                .one();
        if (seeded) {
            return false;
        }
        // Each part draws from its own stream split off the seed's, so making one part differently (more
        // products, say) leaves the others as they were.
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom productRandom = random.split();
        SplittableRandom bookRandom = random.split();
        SplittableRandom userRandom = random.split();
        SplittableRandom ratingRandom = random.split();

        JdbcProductStore.insertExchangeRates(handle, UNITS_PER_USD);
        JdbcProductStore.insertSegmentDiscounts(handle, SEGMENT_DISCOUNTS);
        JdbcProductStore.upsertListings(
                handle, new ProductGenerator(productRandom, UNITS_PER_USD, seedTime).generate(PRODUCT_COUNT));
        List<Book> books = new BookGenerator(bookRandom).generate(BOOK_COUNT, AUTHOR_COUNT);
        JdbcBookStore.insertBooks(handle, books);
        List<User> users = new UserGenerator(userRandom).generate(USER_COUNT);
        JdbcUserStore.insertUsers(handle, users);
        JdbcBookStore.upsertRatings(handle, new RatingGenerator(ratingRandom).generate(users, books, RATING_COUNT));
        handle.createUpdate("INSERT INTO catalogue_seed (id, seed, seeded_at) VALUES (1, ?, ?)")
                .bind(0, seed)
                .bind(1, seedTime.toString())
                .execute();
        return true;
    }

    private static Map<Currency, BigDecimal> unitsPerUsd() {
        Map<Currency, BigDecimal> rates = new LinkedHashMap<>();
        rates.put(Currency.getInstance("USD"), new BigDecimal("1"));
        rates.put(Currency.getInstance("EUR"), new BigDecimal("0.92"));
        rates.put(Currency.getInstance("GBP"), new BigDecimal("0.79"));
        rates.put(Currency.getInstance("JPY"), new BigDecimal("151.50"));
        return Collections.unmodifiableMap(rates);
    }

    private static Map<Segment, Integer> segmentDiscounts() {
        Map<Segment, Integer> discounts = new EnumMap<>(Segment.class);
        discounts.put(Segment.STANDARD, 0);
        discounts.put(Segment.VIP, 500);
        discounts.put(Segment.WHOLESALE, 1_200);
        return Collections.unmodifiableMap(discounts);
    }
}
