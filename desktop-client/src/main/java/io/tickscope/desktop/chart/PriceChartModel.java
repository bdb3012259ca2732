package io.tickscope.desktop.chart;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.BarRequest;
import io.tickscope.desktop.model.PriceBar;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.ui.Csv;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.shared.money.Amount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import org.jspecify.annotations.Nullable;

/**
 * The chart's state and commands: which product it shows, over which range and in which style, and its bars.
 * Showing a product or changing the range fills the bars from the server's history at once (GetPriceBars up to
 * now), then the watchlist's ticks carry them on; ticks that arrive while history loads wait and join after it,
 * so nothing is missed at the seam. A replay has no server: its chart fills from the replayed ticks alone.
 *
 * <p>UI thread only. The bars change here; the view copies them into the chart once per pulse.
 */
public final class PriceChartModel {

    private static final String NOTHING_SHOWN = "No product selected";

    /** Asks the server for history; null in a replay. */
    private final @Nullable PricingClient pricing;

    private final UiThread ui;
    private final Clock clock;
    private final BarSeries bars = new BarSeries();
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.ONE_HOUR);
    private final ObjectProperty<ChartStyle> style = new SimpleObjectProperty<>(ChartStyle.CANDLES);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NOTHING_SHOWN);
    private final ReadOnlyObjectWrapper<@Nullable String> shownProduct = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper barsVersion = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper historyBars = new ReadOnlyLongWrapper();

    private @Nullable Shown shown;
    /** Counts fills, so that history answering for an earlier product or range is dropped. */
    private long fills;
    /** Ticks that arrived while history loads, oldest first; null once history is in. */
    private @Nullable List<PriceTick> waiting;

    public PriceChartModel(@Nullable PricingClient pricing, UiThread ui, Clock clock) {
        this.pricing = pricing;
        this.ui = requireNonNull(ui, "ui");
        this.clock = requireNonNull(clock, "clock");
        range.addListener((observable, before, after) -> fill());
    }

    public ObjectProperty<ChartRange> rangeProperty() {
        return range;
    }

    public ObjectProperty<ChartStyle> styleProperty() {
        return style;
    }

    /** The product's name and id, or that none is selected. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The id of the product shown, or null. */
    public ReadOnlyObjectProperty<@Nullable String> shownProductProperty() {
        return shownProduct.getReadOnlyProperty();
    }

    /** Where the bars come from, such as "1,204 bars of 1 s from history, then live"; or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Grows each time the bars change, so the view knows to draw them again. */
    public ReadOnlyLongProperty barsVersionProperty() {
        return barsVersion.getReadOnlyProperty();
    }

    /** How many bars the last fill took from history. */
    public ReadOnlyLongProperty historyBarsProperty() {
        return historyBars.getReadOnlyProperty();
    }

    BarSeries bars() {
        return bars;
    }

    /** The bars shown as CSV lines (see {@link BarSeries#csvLines}); only a header while nothing is shown. */
    public List<String> csvLines() {
        Shown current = shown;
        return current == null ? List.of(Csv.line(BarSeries.CSV_HEADER)) : bars.csvLines(current.currency);
    }

    /** A file name for the bars shown, such as {@code P00007-1s-bars}. */
    public String exportName() {
        Shown current = shown;
        return (current == null ? "no-product" : current.productId) + "-"
                + describe(range.get()).replace(" ", "") + "-bars";
    }

    /**
     * Shows {@code productId} quoted in {@code currency} for {@code segment}, filled from history. The title
     * follows {@code name}: a product restored from the settings is named only once its first price arrives.
     */
    public void show(String productId, ObservableStringValue name, Currency currency, Segment segment) {
        shown = new Shown(requireNonNull(productId, "productId"), currency, segment);
        title.bind(Bindings.concat(name, "  ·  ", productId));
        shownProduct.set(productId);
        fill();
    }

    /** Shows no product. */
    public void showNothing() {
        shown = null;
        title.unbind();
        title.set(NOTHING_SHOWN);
        shownProduct.set(null);
        fill();
    }

    /** Carries the bars on with {@code tick} when it is the shown product's, in the shown currency. */
    public void onTick(PriceTick tick) {
        Shown current = shown;
        Amount price = tick.quote().segmentPrice();
        if (current == null
                || !current.productId.equals(tick.productId())
                || !current.currency.equals(price.currency())) {
            return;
        }
        List<PriceTick> early = waiting;
        if (early != null) {
            early.add(tick);
            return;
        }
        if (bars.add(tick.eventTime(), BarSeries.decimal(price)) != BarSeries.Join.DROPPED) {
            changed();
        }
    }

    private void fill() {
        fills++;
        bars.clear(range.get().resolution());
        historyBars.set(0);
        changed();
        Shown current = shown;
        PricingClient server = pricing;
        if (current == null) {
            waiting = null;
            status.set("");
            return;
        }
        if (server == null) {
            waiting = null;
            status.set("Replay: bars of " + describe(range.get()) + " from the replayed ticks");
            return;
        }
        waiting = new ArrayList<>();
        status.set("Loading history…");
        long fill = fills;
        ChartRange filled = range.get();
        BarRequest request = new BarRequest(
                current.productId,
                filled.resolution(),
                filled.startAt(clock.instant()),
                current.currency,
                current.segment);
        server.getBars(request)
                .whenCompleteAsync(
                        (history, failure) -> {
                            if (fill == fills) {
                                joinHistory(filled, history, failure);
                            }
                        },
                        ui);
    }

    private void joinHistory(ChartRange filled, @Nullable List<PriceBar> history, @Nullable Throwable failure) {
        List<PriceTick> early = requireNonNull(waiting, "waiting");
        waiting = null;
        if (history == null) {
            status.set("Could not load history: " + RpcErrors.describe(requireNonNull(failure, "failure"))
                    + "; live only");
        } else {
            bars.fill(history);
            historyBars.set(bars.size());
            status.set(String.format(
                    Locale.ROOT, "%,d bars of %s from history, then live", bars.size(), describe(filled)));
        }
        for (PriceTick tick : early) {
            bars.add(tick.eventTime(), BarSeries.decimal(tick.quote().segmentPrice()));
        }
        changed();
    }

    private static String describe(ChartRange range) {
        return switch (range.resolution()) {
            case ONE_SECOND -> "1 s";
            case ONE_MINUTE -> "1 min";
            case FIVE_MINUTES -> "5 min";
            case ONE_HOUR -> "1 h";
            case ONE_DAY -> "1 day";
        };
    }

    private void changed() {
        barsVersion.set(barsVersion.get() + 1);
    }

    /** The product the chart shows and how it is quoted. */
    private record Shown(String productId, Currency currency, Segment segment) {}
}
