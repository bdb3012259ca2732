package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.shared.money.Amount;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * One watched product as the table shows it: its latest prices, the change since the session started (the
 * first price seen in this currency and segment), its sale countdown, the age of its last update and a
 * bounded price history. UI thread only; values are empty until the first price arrives.
 */
public final class WatchlistRowModel {

    /** How long a price cell shows the colour of its last move. */
    static final Duration FLASH_TIME = Duration.ofMillis(450);
    /** Points kept per product: about ten minutes at one change a second. */
    static final int HISTORY_CAPACITY = 600;

    private static final long UNKNOWN = -1;

    private final String productId;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyObjectWrapper<@Nullable Amount> price = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Amount> segmentPrice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Amount> change = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Double> changePercent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Instant> lastUpdate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper ageSeconds = new ReadOnlyLongWrapper(UNKNOWN);
    private final ReadOnlyLongWrapper saleSecondsLeft = new ReadOnlyLongWrapper(UNKNOWN);
    private final ReadOnlyObjectWrapper<Flash> flash = new ReadOnlyObjectWrapper<>(Flash.NONE);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper alerted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper historyVersion = new ReadOnlyLongWrapper();
    private final PriceHistory history = new PriceHistory(HISTORY_CAPACITY);

    private @Nullable Amount sessionStartPrice;
    private @Nullable Instant saleEndTime;
    private Instant flashEnd = Instant.MIN;

    WatchlistRowModel(String productId, String name) {
        this.productId = requireNonNull(productId, "productId");
        this.name = new ReadOnlyStringWrapper(requireNonNull(name, "name"));
    }

    public String productId() {
        return productId;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The list price before any discount. */
    public ReadOnlyObjectProperty<@Nullable Amount> priceProperty() {
        return price.getReadOnlyProperty();
    }

    /** What the chosen segment pays: the list price less the segment's and any sale's discount. */
    public ReadOnlyObjectProperty<@Nullable Amount> segmentPriceProperty() {
        return segmentPrice.getReadOnlyProperty();
    }

    /** The list price less the first list price seen this session. */
    public ReadOnlyObjectProperty<@Nullable Amount> changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** The change as a percentage of the first list price seen this session. */
    public ReadOnlyObjectProperty<@Nullable Double> changePercentProperty() {
        return changePercent.getReadOnlyProperty();
    }

    /** When the server last changed the product's price. */
    public ReadOnlyObjectProperty<@Nullable Instant> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    /** Whole seconds since the last update; -1 before the first. */
    public ReadOnlyLongProperty ageSecondsProperty() {
        return ageSeconds.getReadOnlyProperty();
    }

    /** Whole seconds until the running sale ends; -1 when no sale runs. */
    public ReadOnlyLongProperty saleSecondsLeftProperty() {
        return saleSecondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Flash> flashProperty() {
        return flash.getReadOnlyProperty();
    }

    /** Whether the prices shown are no longer live because the stream broke. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Whether the product has price alerts. */
    public ReadOnlyBooleanProperty alertedProperty() {
        return alerted.getReadOnlyProperty();
    }

    void markAlerted(boolean hasAlerts) {
        alerted.set(hasAlerts);
    }

    /** Grows by one each time the history changes, so views know when to redraw it. */
    public ReadOnlyLongProperty historyVersionProperty() {
        return historyVersion.getReadOnlyProperty();
    }

    PriceHistory history() {
        return history;
    }

    /** The values a sorted table must re-sort on when they change. */
    Observable[] sortKeys() {
        return new Observable[] {name, price, segmentPrice, change, changePercent, lastUpdate, saleSecondsLeft};
    }

    /** Shows {@code tick}, received at {@code now}; returns whether it was a live change. */
    boolean apply(PriceTick tick, Instant now) {
        Quote quote = tick.quote();
        Amount newPrice = quote.basePrice();
        Amount oldPrice = price.get();
        Amount oldSegmentPrice = segmentPrice.get();
        Amount start = sessionStartPrice;
        if (start == null) {
            start = newPrice;
            sessionStartPrice = start;
        }
        // Each property set only when its value changed: every change notifies the table (and re-sorts it when
        // sorted on that column), and most ticks move the list price alone.
        setIfChanged(name, quote.productName());
        setIfChanged(price, newPrice);
        setIfChanged(segmentPrice, quote.segmentPrice());
        long difference = newPrice.minorUnits() - start.minorUnits();
        Amount oldChange = change.get();
        if (oldChange == null || oldChange.minorUnits() != difference) {
            change.set(new Amount(newPrice.currency(), difference));
            changePercent.set(start.minorUnits() == 0 ? 0.0 : difference * 100.0 / start.minorUnits());
        }
        Flash move = oldPrice == null ? Flash.NONE : Flash.between(oldPrice.minorUnits(), newPrice.minorUnits());
        if (move == Flash.NONE && oldSegmentPrice != null) {
            // A sale starting or ending moves only the segment price.
            move = Flash.between(
                    oldSegmentPrice.minorUnits(), quote.segmentPrice().minorUnits());
        }
        if (move != Flash.NONE) {
            flash.set(move);
            flashEnd = now.plus(FLASH_TIME);
        }
        saleEndTime = quote.saleEndTime();
        lastUpdate.set(quote.updateTime());
        stale.set(false);
        // The chart plots doubles: no exact decimal needed, so no BigDecimal per tick.
        history.add(
                now, newPrice.minorUnits() / Math.pow(10, newPrice.currency().getDefaultFractionDigits()));
        historyVersion.set(historyVersion.get() + 1);
        refresh(now);
        return !tick.snapshot();
    }

    private static <T> void setIfChanged(ReadOnlyObjectWrapper<T> property, T value) {
        if (!value.equals(property.get())) {
            property.set(value);
        }
    }

    private static void setIfChanged(ReadOnlyStringWrapper property, String value) {
        if (!value.equals(property.get())) {
            property.set(value);
        }
    }

    /** Brings the clock-driven values up to {@code now}: ages, the sale countdown and the end of a flash. */
    void refresh(Instant now) {
        Instant updated = lastUpdate.get();
        ageSeconds.set(
                updated == null
                        ? UNKNOWN
                        : Math.max(0, Duration.between(updated, now).toSeconds()));
        Instant saleEnd = saleEndTime;
        saleSecondsLeft.set(
                saleEnd != null && now.isBefore(saleEnd)
                        ? Duration.between(now, saleEnd).toSeconds()
                        : UNKNOWN);
        if (flash.get() != Flash.NONE && !now.isBefore(flashEnd)) {
            flash.set(Flash.NONE);
        }
    }

    void markStale() {
        stale.set(true);
    }

    /** Forgets the prices of the previous currency or segment: the session starts again with the next price. */
    void restartSession() {
        sessionStartPrice = null;
        saleEndTime = null;
        price.set(null);
        segmentPrice.set(null);
        change.set(null);
        changePercent.set(null);
        lastUpdate.set(null);
        ageSeconds.set(UNKNOWN);
        saleSecondsLeft.set(UNKNOWN);
        flash.set(Flash.NONE);
        history.clear();
        historyVersion.set(historyVersion.get() + 1);
    }
}
