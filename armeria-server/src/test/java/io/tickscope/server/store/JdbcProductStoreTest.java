package io.tickscope.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.pricing.Sale;
import io.tickscope.shared.money.Amount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreEngine.class)
class JdbcProductStoreTest {

    // Nanoseconds and all: times come back exactly as they were saved.
    private static final Instant UPDATE_TIME = Instant.parse("2026-11-23T08:15:30.123456789Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path temporary;

    private TestDatabase testDatabase;

    private Database database;
    private ProductStore products;

    @BeforeEach
    void openDatabase() {
        testDatabase = engine.create(temporary);
        database = testDatabase.open(5);
        products = database.productStore();
    }

    @AfterEach
    void dropDatabase() {
        testDatabase.close();
    }

    @Test
    void savedListingsComeBackAsSavedWithAndWithoutSale() {
        ProductListing repriced = new ProductListing(
                "P00001",
                "Aurora Ceramic Mug 350 ml",
                Amount.of("EUR", "12.49"),
                new Sale(2_500, UPDATE_TIME.plusSeconds(3_600)),
                UPDATE_TIME);
        ProductListing added = new ProductListing(
                "P10001", "Wren Walnut Cutting Board 40 x 30 cm", Amount.of("JPY", "4980"), null, UPDATE_TIME);

        products.saveListings(List.of(repriced, added));

        List<ProductListing> loaded = products.loadListings();
        assertThat(loaded).hasSize(10_001).last().isEqualTo(added);
        assertThat(byId(loaded).get("P00001")).isEqualTo(repriced);
    }

    @Test
    void savingWithoutSaleEndsTheStoredSale() {
        ProductListing onSale = products.loadListings().stream()
                .filter(listing -> listing.sale() != null)
                .findFirst()
                .orElseThrow();
        ProductListing saleEnded =
                new ProductListing(onSale.productId(), onSale.name(), onSale.basePrice(), null, UPDATE_TIME);

        products.saveListings(List.of(saleEnded));

        assertThat(byId(products.loadListings()).get(onSale.productId())).isEqualTo(saleEnded);
    }

    @Test
    void savedListingsSurviveCloseAndReopen() {
        ProductListing repriced = new ProductListing(
                "P00042", "Heron Mesh Office Chair Grey", Amount.of("GBP", "249.99"), null, UPDATE_TIME);
        products.saveListings(List.of(repriced));
        database.close();

        database = testDatabase.open(5);

        assertThat(byId(database.productStore().loadListings()).get("P00042")).isEqualTo(repriced);
    }

    @Test
    void listingInACurrencyWithoutRateIsRefusedAndNothingOfTheBatchIsStored() {
        List<ProductListing> before = products.loadListings();
        ProductListing valid = new ProductListing("P00001", "Renamed", Amount.of("USD", "1.00"), null, UPDATE_TIME);
        ProductListing inFrancs = new ProductListing("P00002", "Swiss", Amount.of("CHF", "1.00"), null, UPDATE_TIME);

        assertThatThrownBy(() -> products.saveListings(List.of(valid, inFrancs)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listings[1].basePrice: 1.00 CHF (expected: a currency with an exchange rate, one of"
                        + " [EUR, GBP, JPY, USD]); no listing of the batch was stored");

        assertThat(products.loadListings()).isEqualTo(before);
    }

    @Test
    void seededListingsAreInProductIdOrder() {
        List<ProductListing> loaded = products.loadListings();

        assertThat(loaded).extracting(ProductListing::productId).isSorted().doesNotHaveDuplicates();
    }

    private static Map<String, ProductListing> byId(List<ProductListing> listings) {
        return listings.stream().collect(Collectors.toMap(ProductListing::productId, Function.identity()));
    }
}
