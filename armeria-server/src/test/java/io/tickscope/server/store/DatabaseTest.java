package io.tickscope.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.pricing.ExchangeRates;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.Segment;
import io.tickscope.server.pricing.SegmentDiscounts;
import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.Rating;
import io.tickscope.shared.money.Amount;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class DatabaseTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    Path temporary;

    @Test
    void freshOpenCreatesTheDirectoryAndSeedsTheStatedCounts() {
        try (TestDatabase testDatabase = engine.create(temporary.resolve("not/yet/there"))) {
            freshOpenSeedsTheStatedCounts(testDatabase);
        }
    }

    private static void freshOpenSeedsTheStatedCounts(TestDatabase testDatabase) {
        try (Database database = testDatabase.open(42)) {
            List<ProductListing> listings = database.productStore().loadListings();
            assertThat(listings).hasSize(10_000);
            assertThat(listings.get(0).productId()).isEqualTo("P00001");
            assertThat(listings.get(9_999).productId()).isEqualTo("P10000");

            List<Book> books = database.bookStore().loadBooks();
            assertThat(books).hasSize(2_000);
            assertThat(books.get(0).bookId()).isEqualTo("B0001");
            assertThat(books.get(1_999).bookId()).isEqualTo("B2000");
            assertThat(books.stream().mapToLong(Book::ratingCount).sum()).isEqualTo(20_000);

            assertThat(database.userStore().findUser("U0001")).isPresent();
            assertThat(database.userStore().findUser("U1000")).isPresent();
            assertThat(database.userStore().findUser("U1001")).isEmpty();
        }
        if (testDatabase instanceof TestDatabase.Sqlite sqlite) {
            assertThat(sqlite.dataDirectory().resolve(Database.FILE_NAME)).isRegularFile();
        }
        assertThat(testDatabase.rowCount("users")).isEqualTo(1_000);
        assertThat(testDatabase.rowCount("ratings")).isEqualTo(20_000);
    }

    @Test
    void freshOpenSeedsExactExchangeRatesAndSegmentDiscounts() {
        try (TestDatabase testDatabase = engine.create(temporary)) {
            freshOpenSeedsExactExchangeRatesAndSegmentDiscounts(testDatabase);
        }
    }

    private static void freshOpenSeedsExactExchangeRatesAndSegmentDiscounts(TestDatabase testDatabase) {
        try (Database database = testDatabase.open(42)) {
            ExchangeRates rates = database.productStore().loadExchangeRates();
            assertThat(rates.currencies())
                    .extracting(Currency::getCurrencyCode)
                    .containsExactlyInAnyOrder("USD", "EUR", "GBP", "JPY");
            Amount hundredDollars = Amount.of("USD", "100.00");
            assertThat(rates.convert(hundredDollars, Currency.getInstance("EUR")))
                    .isEqualTo(Amount.of("EUR", "92.00"));
            assertThat(rates.convert(hundredDollars, Currency.getInstance("GBP")))
                    .isEqualTo(Amount.of("GBP", "79.00"));
            assertThat(rates.convert(hundredDollars, Currency.getInstance("JPY")))
                    .isEqualTo(Amount.of("JPY", "15150"));

            SegmentDiscounts discounts = database.productStore().loadSegmentDiscounts();
            assertThat(discounts.basisPointsOf(Segment.STANDARD)).isZero();
            assertThat(discounts.basisPointsOf(Segment.VIP)).isEqualTo(500);
            assertThat(discounts.basisPointsOf(Segment.WHOLESALE)).isEqualTo(1_200);
        }
        assertThat(testDatabase.catalogueTables().get("exchange_rates"))
                .extracting(row -> row.get("units_per_usd"))
                .containsExactly("0.92", "0.79", "151.50", "1");
    }

    @Test
    void sameSeedMakesIdenticalDatabases() {
        try (TestDatabase first = engine.create(temporary.resolve("first"));
                TestDatabase second = engine.create(temporary.resolve("second"))) {
            sameSeedMakesIdenticalDatabases(first, second);
        }
    }

    private static void sameSeedMakesIdenticalDatabases(TestDatabase first, TestDatabase second) {
        try (Database database = first.open(7)) {
            assertThat(database.productStore().loadListings()).hasSize(10_000);
        }
        try (Database database = second.open(7)) {
            assertThat(database.productStore().loadListings()).hasSize(10_000);
        }

        Map<String, List<Map<String, Object>>> firstTables = first.catalogueTables();
        assertThat(firstTables)
                .containsOnlyKeys(
                        "books",
                        "catalogue_seed",
                        "exchange_rates",
                        "price_day_bars",
                        "price_hour_bars",
                        "price_minute_bars",
                        "price_ticks",
                        "products",
                        "rating_idempotency_keys",
                        "ratings",
                        "segment_discounts",
                        "users");
        assertThat(second.catalogueTables()).isEqualTo(firstTables);
    }

    @Test
    void differentSeedMakesADifferentCatalogue() {
        Map<String, List<Map<String, Object>>> firstTables;
        Map<String, List<Map<String, Object>>> secondTables;
        try (TestDatabase first = engine.create(temporary.resolve("first"));
                TestDatabase second = engine.create(temporary.resolve("second"))) {
            first.open(7).close();
            second.open(8).close();
            firstTables = first.catalogueTables();
            secondTables = second.catalogueTables();
        }
        for (String seeded : List.of("products", "books", "users", "ratings")) {
            assertThat(secondTables.get(seeded)).as(seeded).isNotEqualTo(firstTables.get(seeded));
        }
        // The reference data is no draw of the seed.
        assertThat(secondTables.get("exchange_rates")).isEqualTo(firstTables.get("exchange_rates"));
        assertThat(secondTables.get("segment_discounts")).isEqualTo(firstTables.get("segment_discounts"));
    }

    @Test
    void reopenKeepsTheDataAndDoesNotSeedAgain() {
        try (TestDatabase testDatabase = engine.create(temporary)) {
            reopenKeepsTheDataAndDoesNotSeedAgain(testDatabase);
        }
    }

    private static void reopenKeepsTheDataAndDoesNotSeedAgain(TestDatabase testDatabase) {
        Rating changed;
        try (Database database = testDatabase.open(7)) {
            Map.Entry<String, Integer> stored = database.bookStore()
                    .loadRatingsBy("U0001")
                    .entrySet()
                    .iterator()
                    .next();
            changed = new Rating("U0001", stored.getKey(), stored.getValue() == 5 ? 1 : 5);
            assertThat(database.bookStore().saveRatings(List.of(changed))).hasSize(1);
        }
        Map<String, List<Map<String, Object>>> beforeReopen = testDatabase.catalogueTables();

        try (Database database = testDatabase.open(8)) {
            assertThat(database.bookStore().loadRatingsBy("U0001")).containsEntry(changed.bookId(), changed.stars());
        }
        Map<String, List<Map<String, Object>>> afterReopen = testDatabase.catalogueTables();
        assertThat(afterReopen).isEqualTo(beforeReopen);
        assertThat(afterReopen.get("catalogue_seed")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("seed", 7L)
                .containsEntry("seeded_at", TestDatabase.SEED_TIME.toString()));
    }
}
