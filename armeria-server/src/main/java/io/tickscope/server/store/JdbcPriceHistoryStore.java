package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Lists;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceHistoryStore;
import io.tickscope.server.pricing.PriceTick;
import io.tickscope.server.pricing.StoredBar;
import io.tickscope.server.pricing.StoredPrice;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Price ticks and their minute, hour and day bars in SQLite or PostgreSQL, the same SQL on both (see {@code
 * V4__price_history} and {@code V5__price_hour_and_day_bars}).
 *
 * <p>Appending a batch inserts its ticks, then folds them into the bars of each length they fall in: it reads
 * the stored bars of those buckets (one query per bucket and 500 products), merges in memory and writes each
 * bar back once, all in one transaction. So a batch of thousands of ticks costs a few statements per minute it
 * touches, and a bar is never read and written by two writers at once (SQLite: one writer; PostgreSQL: an
 * advisory lock, see {@link Vendor#lockPriceHistory}).
 */
final class JdbcPriceHistoryStore implements PriceHistoryStore {

    private static final String INSERT_TICK = "INSERT INTO price_ticks (product_id, event_time_nanos, incarnation,"
            + " sequence_number, base_price_minor, sale_discount_bp, sale_end_nanos)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Jdbi jdbi;
    private final Vendor vendor;

    JdbcPriceHistoryStore(Jdbi jdbi, Vendor vendor) {
        this.jdbi = requireNonNull(jdbi, "jdbi");
        this.vendor = requireNonNull(vendor, "vendor");
    }

    @Override
    public void append(List<PriceTick> ticks) {
        if (ticks.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                vendor.lockPriceHistory(handle);
                insertTicks(handle, ticks);
                Map<Long, Map<String, BarOfProduct>> minutes = barsOfTicks(BarTable.MINUTE, ticks);
                Map<Long, Map<String, BarOfProduct>> hours = rolledUp(BarTable.HOUR, minutes);
                mergeBars(handle, BarTable.MINUTE, minutes);
                mergeBars(handle, BarTable.HOUR, hours);
                mergeBars(handle, BarTable.DAY, rolledUp(BarTable.DAY, hours));
            });
        } catch (SQLException e) {
            // The SQLException stays the cause: the exception handler reads its state to tell an unreachable database.
            throw new IllegalStateException("cannot store " + ticks.size() + " price ticks", e);
        }
    }

    @Override
    public List<StoredTick> ticks(
            String productId, Currency listingCurrency, long fromNanos, long toNanos, TickPosition after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tick_id, event_time_nanos, incarnation,"
                        + " sequence_number, base_price_minor, sale_discount_bp, sale_end_nanos FROM price_ticks"
                        + " WHERE product_id = :productId AND event_time_nanos >= :from AND event_time_nanos < :to"
                        + " AND (event_time_nanos, tick_id) > (:afterTime, :afterId)"
                        + " ORDER BY event_time_nanos, tick_id LIMIT :limit")
                .bind("productId", productId)
                .bind("from", fromNanos)
                .bind("to", toNanos)
                .bind("afterTime", after.eventTimeNanos())
                .bind("afterId", after.tickId())
                .bind("limit", limit)
                .map((row, context) -> storedTick(productId, listingCurrency, row))
                .list());
    }

    @Override
    public List<StoredBar> bars(
            String productId, Currency listingCurrency, BarResolution length, long fromNanos, long toNanos) {
        BarTable table = BarTable.of(length);
        return jdbi.withHandle(handle -> handle.createQuery(table.select)
                .bind("productId", productId)
                .bind("from", Math.floorDiv(fromNanos, table.nanos))
                .bind("to", Math.floorDiv(toNanos - 1, table.nanos) + 1)
                .setFetchSize(10_000)
                .map((row, context) -> readBar(table, listingCurrency, row))
                .list());
    }

    @Override
    public int prune(long beforeNanos, int limit) {
        return jdbi.inTransaction(handle -> {
            vendor.lockPriceHistory(handle);
            int ticks = handle.createUpdate("DELETE FROM price_ticks WHERE tick_id IN"
                            + " (SELECT tick_id FROM price_ticks WHERE event_time_nanos < :before LIMIT :limit)")
                    .bind("before", beforeNanos)
                    .bind("limit", limit)
                    .execute();
            int bars = 0;
            for (BarTable table : BarTable.values()) {
                // A bucket goes once all of it is older than the cut.
                bars += handle.createUpdate(table.prune)
                        .bind("before", Math.floorDiv(beforeNanos, table.nanos))
                        .bind("limit", limit)
                        .execute();
            }
            return ticks + bars;
        });
    }

    /**
     * Inserts {@code ticks} through plain JDBC: Jdbi's batch looks up an argument factory for each value of each
     * tick, which cost the history writer more than SQLite's own insert (JFR of the push scenario).
     */
    private static void insertTicks(Handle handle, List<PriceTick> ticks) throws SQLException {
        try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT_TICK)) {
            for (PriceTick tick : ticks) {
                insert.setString(1, tick.productId());
                insert.setLong(2, tick.eventTimeNanos());
                insert.setLong(3, tick.incarnation());
                insert.setLong(4, tick.sequenceNumber());
                insert.setLong(5, tick.price().basePrice().minorUnits());
                insert.setInt(6, tick.price().saleDiscountBasisPoints());
                Instant saleEnd = tick.saleEndTime();
                if (saleEnd == null) {
                    insert.setNull(7, Types.BIGINT);
                } else {
                    insert.setLong(7, Nanos.of(saleEnd));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Returns the bars of {@code ticks} in {@code table}'s buckets (by bucket, then by product in the order the
     * ticks came), merged in order.
     */
    private static Map<Long, Map<String, BarOfProduct>> barsOfTicks(BarTable table, List<PriceTick> ticks) {
        Map<Long, Map<String, BarOfProduct>> byBucket = new TreeMap<>();
        for (PriceTick tick : ticks) {
            long bucket = Math.floorDiv(tick.eventTimeNanos(), table.nanos);
            StoredBar bar = StoredBar.of(bucket * table.nanos, tick);
            byBucket.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                    .merge(
                            tick.productId(),
                            new BarOfProduct(tick.price().basePrice().currency(), bar),
                            (earlier, later) -> earlier.merge(later.bar()));
        }
        return byBucket;
    }

    /**
     * Returns the bars of {@code finer}, a batch's bars of a shorter length, rolled up into {@code table}'s longer
     * buckets: merging a product's minute bars in time order gives the hour bar its ticks give, at a fraction of
     * the work of folding every tick again.
     */
    private static Map<Long, Map<String, BarOfProduct>> rolledUp(
            BarTable table, Map<Long, Map<String, BarOfProduct>> finer) {
        Map<Long, Map<String, BarOfProduct>> byBucket = new TreeMap<>();
        for (Map<String, BarOfProduct> bars : finer.values()) {
            for (Map.Entry<String, BarOfProduct> entry : bars.entrySet()) {
                BarOfProduct bar = entry.getValue();
                long bucket = Math.floorDiv(bar.bar().bucketStartNanos(), table.nanos);
                BarOfProduct coarse = bar.inBucket(bucket * table.nanos);
                byBucket.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                        .merge(entry.getKey(), coarse, (earlier, later) -> earlier.merge(later.bar()));
            }
        }
        return byBucket;
    }

    /**
     * Folds {@code byBucket}, a batch's bars of {@code table}, into the stored bars, reading and writing each
     * touched bar once.
     */
    private static void mergeBars(Handle handle, BarTable table, Map<Long, Map<String, BarOfProduct>> byBucket)
            throws SQLException {
        try (PreparedStatement upsert = handle.getConnection().prepareStatement(table.upsert)) {
            for (Map.Entry<Long, Map<String, BarOfProduct>> bucket : byBucket.entrySet()) {
                Map<String, BarOfProduct> bars = bucket.getValue();
                Map<String, StoredBar> stored = storedBars(handle, table, bucket.getKey(), bars);
                for (Map.Entry<String, BarOfProduct> entry : bars.entrySet()) {
                    StoredBar fresh = entry.getValue().bar();
                    StoredBar before = stored.get(entry.getKey());
                    StoredBar bar = before == null ? fresh : before.merge(before.bucketStartNanos(), fresh);
                    upsert.setString(1, entry.getKey());
                    upsert.setLong(2, bucket.getKey());
                    upsert.setLong(3, bar.openTimeNanos());
                    setPrice(upsert, 4, bar.open());
                    setPrice(upsert, 6, bar.high());
                    setPrice(upsert, 8, bar.low());
                    upsert.setLong(10, bar.closeTimeNanos());
                    setPrice(upsert, 11, bar.close());
                    upsert.setLong(13, bar.tickCount());
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    private static void setPrice(PreparedStatement statement, int baseColumn, StoredPrice price) throws SQLException {
        statement.setLong(baseColumn, price.basePrice().minorUnits());
        statement.setInt(baseColumn + 1, price.saleDiscountBasisPoints());
    }

    private static Map<String, StoredBar> storedBars(
            Handle handle, BarTable table, long bucket, Map<String, BarOfProduct> bars) {
        Map<String, StoredBar> stored = new HashMap<>();
        for (List<String> chunk : Lists.partition(new ArrayList<>(bars.keySet()), Vendor.MAX_IDS_PER_STATEMENT)) {
            handle.createQuery(table.selectOfProducts)
                    .bind("bucket", bucket)
                    .bindList("productIds", chunk)
                    .map((row, context) -> {
                        String productId = row.getString("product_id");
                        BarOfProduct of = requireNonNull(bars.get(productId), "bar of " + productId);
                        return Map.entry(productId, bar(table, of.currency(), row));
                    })
                    .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        }
        return stored;
    }

    private static StoredTick storedTick(String productId, Currency currency, ResultSet row) throws SQLException {
        long saleEnd = row.getLong("sale_end_nanos");
        boolean hasSaleEnd = !row.wasNull();
        PriceTick tick = new PriceTick(
                productId,
                Nanos.toInstant(row.getLong("event_time_nanos")),
                row.getLong("incarnation"),
                row.getLong("sequence_number"),
                new StoredPrice(new Amount(currency, row.getLong("base_price_minor")), row.getInt("sale_discount_bp")),
                hasSaleEnd ? Nanos.toInstant(saleEnd) : null);
        return new StoredTick(tick, new TickPosition(row.getLong("event_time_nanos"), row.getLong("tick_id")));
    }

    /**
     * Reads a bar from the columns of {@link BarTable#columns}, by position: a year of minutes is 525,600 rows.
     */
    private static StoredBar bar(BarTable table, Currency currency, ResultSet row) throws SQLException {
        int at = row.findColumn(table.bucketColumn);
        return new StoredBar(
                row.getLong(at) * table.nanos,
                row.getLong(at + 1),
                price(currency, row, at + 2),
                price(currency, row, at + 4),
                price(currency, row, at + 6),
                row.getLong(at + 8),
                price(currency, row, at + 9),
                row.getLong(at + 11));
    }

    /**
     * Reads a bar from the columns of {@link BarTable#select}, by position, with its bucket's start as its open
     * and close time (see {@link PriceHistoryStore#bars}).
     */
    private static StoredBar readBar(BarTable table, Currency currency, ResultSet row) throws SQLException {
        long bucketStart = row.getLong(1) * table.nanos;
        long sales = row.getLong(6);
        return new StoredBar(
                bucketStart,
                bucketStart,
                new StoredPrice(new Amount(currency, row.getLong(2)), SalePacking.open(sales)),
                new StoredPrice(new Amount(currency, row.getLong(3)), SalePacking.high(sales)),
                new StoredPrice(new Amount(currency, row.getLong(4)), SalePacking.low(sales)),
                bucketStart,
                new StoredPrice(new Amount(currency, row.getLong(5)), SalePacking.close(sales)),
                row.getLong(7));
    }

    private static StoredPrice price(Currency currency, ResultSet row, int baseColumn) throws SQLException {
        return new StoredPrice(new Amount(currency, row.getLong(baseColumn)), row.getInt(baseColumn + 1));
    }

    /** A table of bars of one length: the minutes, hours or days since the epoch, per product. */
    private enum BarTable {
        MINUTE(BarResolution.ONE_MINUTE, "price_minute_bars", "minute"),
        HOUR(BarResolution.ONE_HOUR, "price_hour_bars", "hour"),
        DAY(BarResolution.ONE_DAY, "price_day_bars", "day");

        final BarResolution length;
        final long nanos;
        final String bucketColumn;
        final String select;
        final String selectOfProducts;
        final String upsert;
        final String prune;

        BarTable(BarResolution length, String name, String bucketColumn) {
            this.length = length;
            this.nanos = length.nanos();
            this.bucketColumn = bucketColumn;
            String columns = bucketColumn + ", open_time_nanos, open_base_minor, open_sale_bp, high_base_minor,"
                    + " high_sale_bp, low_base_minor, low_sale_bp, close_time_nanos, close_base_minor, close_sale_bp,"
                    + " tick_count";
            // Reads 7 columns, not 12: with sqlite-jdbc each column of each row is a call into native code, and a
            // year of minute bars is 525,600 rows.
            this.select = "SELECT " + bucketColumn + ", open_base_minor, high_base_minor, low_base_minor,"
                    + " close_base_minor, " + SalePacking.SQL + ", tick_count FROM " + name
                    + " WHERE product_id = :productId AND " + bucketColumn + " >= :from AND " + bucketColumn
                    + " < :to ORDER BY " + bucketColumn;
            this.selectOfProducts = "SELECT product_id, " + columns + " FROM " + name + " WHERE " + bucketColumn
                    + " = :bucket AND product_id IN (<productIds>)";
            this.upsert = "INSERT INTO " + name + " (product_id, " + columns + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (product_id, " + bucketColumn + ") DO UPDATE SET"
                    + " open_time_nanos = excluded.open_time_nanos, open_base_minor = excluded.open_base_minor,"
                    + " open_sale_bp = excluded.open_sale_bp, high_base_minor = excluded.high_base_minor,"
                    + " high_sale_bp = excluded.high_sale_bp, low_base_minor = excluded.low_base_minor,"
                    + " low_sale_bp = excluded.low_sale_bp, close_time_nanos = excluded.close_time_nanos,"
                    + " close_base_minor = excluded.close_base_minor, close_sale_bp = excluded.close_sale_bp,"
                    + " tick_count = excluded.tick_count";
            this.prune = "DELETE FROM " + name + " WHERE (product_id, " + bucketColumn + ") IN (SELECT product_id, "
                    + bucketColumn + " FROM " + name + " WHERE " + bucketColumn + " < :before LIMIT :limit)";
        }

        static BarTable of(BarResolution length) {
            for (BarTable table : values()) {
                if (table.length == length) {
                    return table;
                }
            }
            throw new IllegalArgumentException("length: " + length + " (expected: one of " + STORED_LENGTHS + ')');
        }
    }

    /** A bar being folded, with its product's listing currency for reading the stored one back. */
    private record BarOfProduct(Currency currency, StoredBar bar) {

        BarOfProduct merge(StoredBar later) {
            return new BarOfProduct(currency, bar.merge(bar.bucketStartNanos(), later));
        }

        BarOfProduct inBucket(long bucketStartNanos) {
            return new BarOfProduct(currency, bar.inBucket(bucketStartNanos));
        }
    }
}
