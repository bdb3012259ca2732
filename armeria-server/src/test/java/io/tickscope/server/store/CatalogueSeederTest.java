package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.Sale;
import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What the seeded catalogue looks like: read once from a real seeded database, as the server reads it. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class CatalogueSeederTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    static Path temporary;

    // The seeded tables are read once per engine, before the first test of each: the tests only look at them.
    private static @Nullable StoreEngine seededEngine;

    @SuppressWarnings("NullAway.Init")
    private static List<ProductListing> listings;

    @SuppressWarnings("NullAway.Init")
    private static List<Book> books;

    @SuppressWarnings("NullAway.Init")
    private static Map<String, List<Map<String, Object>>> tables;

    @BeforeEach
    void seedOncePerEngine() {
        if (engine != seededEngine) {
            seed(engine);
            seededEngine = engine;
        }
    }

    private static void seed(StoreEngine engine) {
        try (TestDatabase testDatabase = engine.create(temporary.resolve(engine.name()))) {
            try (Database database = testDatabase.open(2026)) {
                listings = database.productStore().loadListings();
                books = database.bookStore().loadBooks();
            }
            tables = testDatabase.catalogueTables();
        }
    }

    @Test
    void productsHaveUniqueNamesAndAreListedAtTheSeedingTime() {
        assertThat(listings).extracting(ProductListing::name).doesNotHaveDuplicates();
        assertThat(listings).extracting(ProductListing::updateTime).containsOnly(TestDatabase.SEED_TIME);
    }

    @Test
    void productsAreListedInFourCurrenciesAtShopPrices() {
        Map<String, Long> byCurrency = listings.stream()
                .collect(groupingBy(listing -> listing.basePrice().currency().getCurrencyCode(), counting()));
        assertThat(byCurrency).containsOnlyKeys("USD", "EUR", "GBP", "JPY");
        assertThat(byCurrency.get("USD")).isCloseTo(4_000, within(300L));
        assertThat(byCurrency.get("EUR")).isCloseTo(3_000, within(300L));
        assertThat(byCurrency.get("GBP")).isCloseTo(1_500, within(300L));
        assertThat(byCurrency.get("JPY")).isCloseTo(1_500, within(300L));

        assertThat(listings).allSatisfy(listing -> {
            long minorUnits = listing.basePrice().minorUnits();
            if (listing.basePrice().currency().getCurrencyCode().equals("JPY")) {
                assertThat(minorUnits % 100).as(listing.toString()).isEqualTo(80);
                assertThat(minorUnits).as(listing.toString()).isBetween(80L, 150_000L);
            } else {
                assertThat(minorUnits % 100).as(listing.toString()).isEqualTo(99);
                assertThat(minorUnits).as(listing.toString()).isBetween(99L, 100_000L);
            }
        });
    }

    @Test
    void aboutOneProductInTwentyIsOnSaleForHoursAfterTheSeedingTime() {
        List<Sale> sales = listings.stream()
                .map(ProductListing::sale)
                .filter(Objects::nonNull)
                .toList();

        assertThat(sales).hasSizeBetween(400, 600);
        assertThat(sales).allSatisfy(sale -> {
            assertThat(sale.discountBasisPoints()).isBetween(500, 4_000);
            assertThat(Duration.between(TestDatabase.SEED_TIME, sale.endTime()))
                    .isBetween(Duration.ofHours(1), Duration.ofHours(48));
        });
    }

    @Test
    void booksAreWrittenByThreeHundredAuthorsWhoMostlyKeepToOneCategory() {
        Map<String, Set<BookCategory>> categoriesByAuthor =
                books.stream().collect(groupingBy(Book::author, mapping(Book::category, toSet())));

        assertThat(categoriesByAuthor).hasSize(300);
        assertThat(categoriesByAuthor.values())
                .allSatisfy(categories -> assertThat(categories).hasSizeLessThanOrEqualTo(2));
        assertThat(categoriesByAuthor.values().stream().filter(categories -> categories.size() == 1))
                .hasSizeGreaterThan(150);
        assertThat(books).extracting(Book::category).contains(BookCategory.values());
    }

    @Test
    void booksHaveMostlyDistinctTitlesAndOneOrTwoSentenceBlurbs() {
        assertThat(books.stream().map(Book::title).distinct().count()).isGreaterThan(1_800);
        assertThat(books).allSatisfy(book -> {
            assertThat(book.title()).isNotBlank().doesNotContain("{");
            assertThat(book.description()).endsWith(".").doesNotContain("{");
            assertThat(book.description().split("\\. ")).hasSizeBetween(1, 2);
        });
    }

    @Test
    void usersHaveUniqueExampleAddressesAndTheUsualMixOfSegments() {
        List<Map<String, Object>> users = requireNonNull(tables.get("users"), "users");

        assertThat(users)
                .extracting(user -> user.get("email"))
                .doesNotHaveDuplicates()
                .allSatisfy(email -> assertThat((String) email).matches("[a-z]+\\.[a-z]+[0-9]*@example\\.com"));
        Map<Object, Long> bySegment = users.stream().collect(groupingBy(user -> user.get("segment"), counting()));
        assertThat(bySegment.get("STANDARD")).isCloseTo(700, within(50L));
        assertThat(bySegment.get("VIP")).isCloseTo(200, within(50L));
        assertThat(bySegment.get("WHOLESALE")).isCloseTo(100, within(50L));
    }

    @Test
    void ratingsMakeSomeBooksClearlyBetterThanOthers() {
        List<Double> averagesOfWellRatedBooks = books.stream()
                .filter(book -> book.ratingCount() >= 10)
                .map(Book::averageRating)
                .sorted()
                .toList();

        assertThat(averagesOfWellRatedBooks).hasSizeGreaterThan(200);
        assertThat(averagesOfWellRatedBooks.get(0)).isLessThan(2.5);
        assertThat(averagesOfWellRatedBooks.get(averagesOfWellRatedBooks.size() - 1))
                .isGreaterThan(4.5);
        assertThat(tables.get("ratings"))
                .extracting(rating -> rating.get("user_id"))
                .hasSize(20_000)
                .containsAll(requireNonNull(tables.get("users"), "users").stream()
                        .map(user -> user.get("user_id"))
                        .toList());
    }
}
