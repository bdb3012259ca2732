package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.pricing.ExchangeRates;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.pricing.Sale;
import io.tickscope.server.pricing.Segment;
import io.tickscope.server.pricing.SegmentDiscounts;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * Product listings, exchange rates and segment discounts in SQLite or PostgreSQL.
 *
 * <p>A listing's currency must have an exchange rate. Callers check that first; should a listing in another
 * currency slip through, the schema's foreign key refuses it, the whole batch rolls back, and {@link
 * #saveListings} throws an {@link IllegalArgumentException} naming the first listing at fault.
 */
final class JdbcProductStore implements ProductStore {

    private static final String UPSERT_LISTING = "INSERT INTO products (product_id, name, currency_code,"
            + " base_price_minor, sale_discount_bp, sale_end_time, update_time)"
            + " VALUES (:productId, :name, :currency, :basePriceMinor, :saleDiscountBp, :saleEndTime, :updateTime)"
            + " ON CONFLICT (product_id) DO UPDATE SET name = excluded.name, currency_code = excluded.currency_code,"
            + " base_price_minor = excluded.base_price_minor, sale_discount_bp = excluded.sale_discount_bp,"
            + " sale_end_time = excluded.sale_end_time, update_time = excluded.update_time";

    private final Jdbi jdbi;

    JdbcProductStore(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
    }

    @Override
    public List<ProductListing> loadListings() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT product_id, name, currency_code, base_price_minor,"
                        + " sale_discount_bp, sale_end_time, update_time FROM products ORDER BY product_id")
                .map(JdbcProductStore::listingOf)
                .list());
    }

    @Override
    public ExchangeRates loadExchangeRates() {
        return ExchangeRates.of(
                jdbi.withHandle(handle -> handle.createQuery("SELECT currency_code, units_per_usd FROM exchange_rates")
                        .map((row, context) -> Map.entry(
                                Currency.getInstance(row.getString("currency_code")),
                                new BigDecimal(row.getString("units_per_usd"))))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    @Override
    public SegmentDiscounts loadSegmentDiscounts() {
        return SegmentDiscounts.of(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT segment, discount_bp FROM segment_discounts")
                .map((row, context) -> Map.entry(Segment.valueOf(row.getString("segment")), row.getInt("discount_bp")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    @Override
    public void saveListings(Collection<ProductListing> listings) {
        requireNonNull(listings, "listings");
        if (listings.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> upsertListings(handle, listings));
        } catch (UnableToExecuteStatementException e) {
            if (ConstraintErrors.isForeignKeyViolation(e)) {
                throw currencyWithoutRateIn(listings, e);
            }
            throw e;
        }
    }

    /** Inserts or replaces {@code listings} within the transaction of {@code handle}. */
    static void upsertListings(Handle handle, Collection<ProductListing> listings) {
        PreparedBatch batch = handle.prepareBatch(UPSERT_LISTING);
        for (ProductListing listing : listings) {
            Sale sale = listing.sale();
            batch.bind("productId", listing.productId())
                    .bind("name", listing.name())
                    .bind("currency", listing.basePrice().currency().getCurrencyCode())
                    .bind("basePriceMinor", listing.basePrice().minorUnits())
                    .bind("saleDiscountBp", sale == null ? null : sale.discountBasisPoints())
                    .bind("saleEndTime", sale == null ? null : sale.endTime().toString())
                    .bind("updateTime", listing.updateTime().toString())
                    .add();
        }
        batch.execute();
    }

    /** Inserts the rate of each currency within the transaction of {@code handle}. */
    static void insertExchangeRates(Handle handle, Map<Currency, BigDecimal> unitsPerUsd) {
        PreparedBatch batch =
                handle.prepareBatch("INSERT INTO exchange_rates (currency_code, units_per_usd) VALUES (?, ?)");
        unitsPerUsd.forEach((currency, rate) -> batch.add(currency.getCurrencyCode(), rate.toPlainString()));
        batch.execute();
    }

    /** Inserts the discount of each segment within the transaction of {@code handle}. */
    static void insertSegmentDiscounts(Handle handle, Map<Segment, Integer> basisPoints) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO segment_discounts (segment, discount_bp) VALUES (?, ?)");
        basisPoints.forEach((segment, discount) -> batch.add(segment.name(), discount));
        batch.execute();
    }

    private IllegalArgumentException currencyWithoutRateIn(Collection<ProductListing> listings, Exception cause) {
        Set<Currency> rated = loadExchangeRates().currencies();
        List<String> ratedCodes =
                rated.stream().map(Currency::getCurrencyCode).sorted().toList();
        String fault = "listings: one is in a currency without an exchange rate (expected: one of " + ratedCodes + ')';
        int index = 0;
        for (ProductListing listing : listings) {
            if (!rated.contains(listing.basePrice().currency())) {
                fault = "listings[" + index + "].basePrice: " + listing.basePrice()
                        + " (expected: a currency with an exchange rate, one of " + ratedCodes + ')';
                break;
            }
            index++;
        }
        return new IllegalArgumentException(fault + "; no listing of the batch was stored", cause);
    }

    private static ProductListing listingOf(ResultSet row, StatementContext context) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency_code"));
        return new ProductListing(
                row.getString("product_id"),
                row.getString("name"),
                new Amount(currency, row.getLong("base_price_minor")),
                saleOf(row),
                Instant.parse(row.getString("update_time")));
    }

    private static @Nullable Sale saleOf(ResultSet row) throws SQLException {
        String endTime = row.getString("sale_end_time");
        return endTime == null ? null : new Sale(row.getInt("sale_discount_bp"), Instant.parse(endTime));
    }
}
