package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.rpc.CallHandle;
import io.tickscope.desktop.rpc.PriceFeed;
import io.tickscope.desktop.rpc.PriceRecorder;
import io.tickscope.desktop.rpc.PriceWatchListener;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.ui.PulseCoalescer;
import io.tickscope.desktop.ui.UiThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The watchlist's state and commands: the watched products, the segment and currency they are quoted in,
 * and one price watch that covers them all, replaced whenever the set, the segment or the currency changes.
 *
 * <p>Prices arrive on gRPC threads and go through a {@link PulseCoalescer}, so each row changes at most once
 * per pulse however fast the market moves. Everything else runs on the UI thread, including every method
 * here.
 */
public final class WatchlistViewModel {

    /** The most products one watchlist holds; enough for a screen of rows, small enough to stay light. */
    public static final int MAX_PRODUCTS = 200;
    /** The currencies the server quotes in. */
    public static final List<Currency> CURRENCIES = List.of(
            Currency.getInstance("USD"),
            Currency.getInstance("EUR"),
            Currency.getInstance("GBP"),
            Currency.getInstance("JPY"));

    private static final int SUGGESTIONS = 50;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    private static final String NO_ADDING =
            "A replay shows the products it recorded; add products to the live watchlist";
    private static final DateTimeFormatter RESYNC_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PriceFeed prices;
    /** Asks the server about products to add; null in a replay, whose products are those it recorded. */
    private final @Nullable PricingClient pricing;

    private final @Nullable ProductDirectory directory;
    private final UiThread ui;
    private final Clock clock;

    private final ObservableList<WatchlistRowModel> rows =
            FXCollections.observableArrayList(WatchlistRowModel::sortKeys);
    private final Map<String, WatchlistRowModel> rowsById = new HashMap<>();
    private final ObjectProperty<Segment> segment = new SimpleObjectProperty<>(Segment.STANDARD);
    private final ObjectProperty<Currency> currency = new SimpleObjectProperty<>(CURRENCIES.get(0));
    private final ReadOnlyObjectWrapper<FeedState> feedState = new ReadOnlyObjectWrapper<>(FeedState.IDLE);
    private final ReadOnlyStringWrapper feedMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper liveTicksShown = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper ticksShown = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper recordingStatus = new ReadOnlyStringWrapper("");
    private @Nullable PriceRecorder recording;
    private final ReadOnlyDoubleWrapper updatesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<List<ProductMatch>> suggestions = new ReadOnlyObjectWrapper<>(List.of());

    private @Nullable Feed feed;
    /** Sees every tick of the stream on its own thread, before coalescing: the alerts. */
    private volatile Consumer<PriceTick> everyTick = tick -> {};
    /** Sees each tick a row shows, on the UI thread: the chart. */
    private Consumer<PriceTick> shownTick = tick -> {};

    private Set<String> alerted = Set.of();
    private final ChangeListener<Set<String>> onAlertedChange = (property, before, after) -> markAlerted(after);
    private boolean active;
    private String lastQuery = "";
    private Instant rateWindowStart = Instant.MIN;

    public WatchlistViewModel(PricingClient pricing, UiThread ui, Clock clock) {
        this(pricing, requireNonNull(pricing, "pricing"), ui, clock);
    }

    /**
     * Returns a watchlist whose prices come from {@code prices} and that adds products by asking {@code
     * pricing}; without it (a replay) it shows the products it is given and adds none.
     */
    public WatchlistViewModel(PriceFeed prices, @Nullable PricingClient pricing, UiThread ui, Clock clock) {
        this.prices = requireNonNull(prices, "prices");
        this.pricing = pricing;
        this.directory = pricing == null ? null : new ProductDirectory(pricing);
        this.ui = requireNonNull(ui, "ui");
        this.clock = requireNonNull(clock, "clock");
        segment.addListener((observable, before, after) -> restartSessions());
        currency.addListener((observable, before, after) -> restartSessions());
    }

    /** The watched products in the order they were added; views sort a copy. */
    public ObservableList<WatchlistRowModel> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<Segment> segmentProperty() {
        return segment;
    }

    public ObjectProperty<Currency> currencyProperty() {
        return currency;
    }

    public ReadOnlyObjectProperty<FeedState> feedStateProperty() {
        return feedState.getReadOnlyProperty();
    }

    /** What the stream is doing, in a few words, for example "Reconnecting: UNAVAILABLE: ...". */
    public ReadOnlyStringProperty feedMessageProperty() {
        return feedMessage.getReadOnlyProperty();
    }

    /** The outcome of the last command, such as a product that could not be added; empty when all went well. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** How many live changes (not snapshots) the table has shown; the smoke test waits for the first. */
    public ReadOnlyLongProperty liveTicksShownProperty() {
        return liveTicksShown.getReadOnlyProperty();
    }

    /** How many ticks (snapshots and changes) the rows have shown; a replay shows every one it delivers. */
    public ReadOnlyLongProperty ticksShownProperty() {
        return ticksShown.getReadOnlyProperty();
    }

    /** What is being recorded, such as "● REC 1,204 updates · 52 KB"; empty while not recording. */
    public ReadOnlyStringProperty recordingStatusProperty() {
        return recordingStatus.getReadOnlyProperty();
    }

    /**
     * Records the stream into {@code file} from now on: the watch starts again, so the recording opens with a
     * snapshot of every product and replays on its own.
     */
    public void startRecording(Path file) {
        if (pricing == null) {
            notice.set("A replay cannot be recorded again; copy its file instead");
            return;
        }
        recording = pricing.record(file);
        refreshRecordingStatus();
        resubscribe();
    }

    /** Stops recording and closes the file. */
    public void stopRecording() {
        if (pricing != null && recording != null) {
            pricing.stopRecording();
        }
        recording = null;
        refreshRecordingStatus();
    }

    public boolean isRecording() {
        return recording != null;
    }

    private void refreshRecordingStatus() {
        PriceRecorder running = recording;
        if (running == null) {
            recordingStatus.set("");
            return;
        }
        String problem = running.problem();
        recordingStatus.set(
                problem != null
                        ? problem
                        : String.format(
                                Locale.ROOT,
                                "● REC %,d updates · %,d KB",
                                running.updates(),
                                (running.bytes() + 1023) / 1024));
    }

    /** Price updates received per second over the last second, before coalescing. */
    public ReadOnlyDoubleProperty updatesPerSecondProperty() {
        return updatesPerSecond.getReadOnlyProperty();
    }

    /** Products matching the last {@link #search} query. */
    public ReadOnlyObjectProperty<List<ProductMatch>> suggestionsProperty() {
        return suggestions.getReadOnlyProperty();
    }

    /** Returns the watched product ids in the order they were added. */
    public List<String> productIds() {
        return rows.stream().map(WatchlistRowModel::productId).toList();
    }

    /**
     * Hands every tick to {@code listener} on the thread that delivers it, before the table coalesces ticks to
     * the pulse: what must see each tick (alerts) sees each one, however many arrive within a frame.
     */
    public void onEveryTick(Consumer<PriceTick> listener) {
        everyTick = requireNonNull(listener, "listener");
    }

    /**
     * Hands each tick that a row shows to {@code listener}, on the UI thread right after the row: what follows
     * the rows (the chart) sees the ticks in the order and at the pace the table does.
     */
    public void onShownTick(Consumer<PriceTick> listener) {
        shownTick = requireNonNull(listener, "listener");
    }

    /**
     * Marks the rows of the products in {@code alerted} as having alerts, as it changes. The alerts outlive this
     * watchlist (they belong to the window, not the session), so they hold it only weakly.
     */
    public void followAlerted(ObservableValue<Set<String>> alertedProducts) {
        markAlerted(alertedProducts.getValue());
        alertedProducts.addListener(new WeakChangeListener<>(onAlertedChange));
    }

    /** Marks the rows of {@code products} as having alerts, and unmarks the others. */
    void markAlerted(Set<String> products) {
        alerted = Set.copyOf(products);
        rows.forEach(row -> row.markAlerted(alerted.contains(row.productId())));
    }

    /** Starts streaming prices and loads the product names for searching. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        resubscribe();
        loadDirectory();
    }

    /** Stops streaming and recording; the rows keep their last prices. */
    public void deactivate() {
        active = false;
        stopRecording();
        closeFeed();
    }

    /**
     * Watches {@code productIds} without asking the server first, as when the list comes from the last run.
     * Ids that are not product ids are skipped; an unknown product makes the watch fail with a message
     * naming it.
     */
    public void restore(Collection<String> productIds) {
        boolean added = false;
        for (String productId : productIds) {
            if (ProductDirectory.PRODUCT_ID.matcher(productId).matches() && addRow(productId, productId)) {
                added = true;
            }
        }
        if (added) {
            resubscribe();
        }
    }

    /**
     * Adds the product {@code query} names: a product id such as {@code P00042} (any case), or else the best
     * match of a name search. Unknown ids and empty searches end up in {@link #noticeProperty()}.
     */
    public void add(String query) {
        String text = query.strip();
        if (text.isEmpty()) {
            return;
        }
        String upperCase = text.toUpperCase(Locale.ROOT);
        if (ProductDirectory.PRODUCT_ID.matcher(upperCase).matches()) {
            addAll(List.of(upperCase));
            return;
        }
        if (directory == null) {
            notice.set(NO_ADDING);
            return;
        }
        List<ProductMatch> matches = directory.search(text, 1);
        if (matches.isEmpty()) {
            notice.set(
                    directory.isLoaded()
                            ? "No product matches \"" + text + "\""
                            : "Product names are not loaded yet; add by id, such as P00042");
            return;
        }
        addAll(List.of(matches.get(0).productId()));
    }

    /** Adds {@code productIds} after checking with the server that they exist. */
    public void addAll(Collection<String> productIds) {
        Set<String> wanted = new LinkedHashSet<>(productIds);
        wanted.removeAll(rowsById.keySet());
        if (wanted.isEmpty()) {
            return;
        }
        int room = MAX_PRODUCTS - rows.size();
        if (wanted.size() > room) {
            notice.set("The watchlist holds at most " + MAX_PRODUCTS + " products");
            if (room <= 0) {
                return;
            }
            wanted = new LinkedHashSet<>(new ArrayList<>(wanted).subList(0, room));
        }
        List<String> ids = List.copyOf(wanted);
        if (pricing == null) {
            notice.set(NO_ADDING);
            return;
        }
        pricing.getPrices(ids, currency.get(), segment.get())
                .whenCompleteAsync(
                        (results, failure) -> {
                            if (failure != null) {
                                notice.set(
                                        "Could not add " + String.join(", ", ids) + ": " + RpcErrors.describe(failure));
                                return;
                            }
                            addKnown(results);
                        },
                        ui);
    }

    /** Stops watching {@code removed}. */
    public void remove(Collection<WatchlistRowModel> removed) {
        List<WatchlistRowModel> copy = List.copyOf(removed);
        boolean changed = false;
        for (WatchlistRowModel row : copy) {
            changed |= rowsById.remove(row.productId()) != null;
        }
        if (changed) {
            rows.removeAll(copy);
            notice.set("");
            resubscribe();
        }
    }

    /** Finds products whose id or name matches {@code query} into {@link #suggestionsProperty()}. */
    public void search(String query) {
        lastQuery = query;
        suggestions.set(directory == null ? List.of() : directory.search(query, SUGGESTIONS));
    }

    /**
     * Brings the clock-driven values up to now: ages, sale countdowns, the end of flashes and the update
     * rate. The view calls it a few times a second.
     */
    public void refreshClock() {
        Instant now = clock.instant();
        for (WatchlistRowModel row : rows) {
            row.refresh(now);
        }
        refreshRecordingStatus();
        Feed current = feed;
        if (current == null) {
            updatesPerSecond.set(0);
        } else if (rateWindowStart == Instant.MIN) {
            current.received.reset();
            rateWindowStart = now;
        } else if (!now.isBefore(rateWindowStart.plus(RATE_WINDOW))) {
            double seconds = Duration.between(rateWindowStart, now).toNanos() / 1e9;
            updatesPerSecond.set(current.received.sumThenReset() / seconds);
            rateWindowStart = now;
        }
    }

    private void addKnown(List<QuoteResult> results) {
        List<String> unknown = new ArrayList<>();
        boolean added = false;
        for (QuoteResult result : results) {
            Quote quote = result.quote();
            if (quote == null) {
                unknown.add(result.error());
            } else {
                added |= addRow(quote.productId(), quote.productName());
            }
        }
        notice.set(String.join("; ", unknown));
        if (added) {
            resubscribe();
        }
    }

    private boolean addRow(String productId, String name) {
        if (rowsById.containsKey(productId) || rows.size() >= MAX_PRODUCTS) {
            return false;
        }
        WatchlistRowModel row = new WatchlistRowModel(productId, name);
        row.markAlerted(alerted.contains(productId));
        rowsById.put(productId, row);
        rows.add(row);
        return true;
    }

    private void restartSessions() {
        rows.forEach(WatchlistRowModel::restartSession);
        resubscribe();
    }

    private void resubscribe() {
        closeFeed();
        if (!active) {
            return;
        }
        if (rows.isEmpty()) {
            setFeed(FeedState.IDLE, "Add products to watch their prices");
            return;
        }
        setFeed(FeedState.SUBSCRIBING, "Subscribing to " + rows.size() + " products");
        Feed opened = new Feed();
        feed = opened;
        opened.watch = prices.watch(new WatchRequest(productIds(), currency.get(), segment.get()), opened);
    }

    private void closeFeed() {
        Feed closing = feed;
        feed = null;
        if (closing != null && closing.watch != null) {
            closing.watch.cancel();
        }
    }

    private void loadDirectory() {
        if (directory == null) {
            return;
        }
        directory
                .load()
                .whenCompleteAsync(
                        (count, failure) -> {
                            if (failure != null) {
                                notice.set("Could not load product names: " + RpcErrors.describe(failure));
                            } else {
                                search(lastQuery);
                            }
                        },
                        ui);
    }

    private void setFeed(FeedState state, String message) {
        feedState.set(state);
        feedMessage.set(message);
    }

    /** One price watch and the coalescer between its gRPC thread and the UI thread. */
    private final class Feed implements PriceWatchListener {

        final LongAdder received = new LongAdder();
        final PulseCoalescer<String, PriceTick> updates = ui.coalescer(this::show);
        /** Every tick in order, when the feed wants each shown (a replay): drained whole once per pulse. */
        private final boolean showsEveryTick = prices.showsEveryTick();

        private final Queue<PriceTick> backlog = new ConcurrentLinkedQueue<>();
        private final Runnable showBacklog = ui.refresher(this::drainBacklog);
        /**
         * The products shown again since the stream broke; null while nothing is being resynced. The server
         * answers a resubscription with a snapshot of every product, so they all come back. UI thread only.
         */
        private @Nullable Set<String> resynced;

        @Nullable
        CallHandle watch;

        @Override
        public void onTick(PriceTick tick) {
            received.increment();
            everyTick.accept(tick);
            if (showsEveryTick) {
                backlog.add(tick);
                showBacklog.run();
            } else {
                updates.offer(tick.productId(), tick);
            }
        }

        @Override
        public void onInterrupted(String reason) {
            ui.execute(() -> markStale(FeedState.STALE, "Reconnecting: " + reason));
        }

        @Override
        public void onFailed(String reason) {
            ui.execute(() -> markStale(FeedState.FAILED, reason));
        }

        private void drainBacklog() {
            for (PriceTick tick = backlog.poll(); tick != null; tick = backlog.poll()) {
                show(tick.productId(), tick);
            }
        }

        private void show(String productId, PriceTick tick) {
            WatchlistRowModel row = rowsById.get(productId);
            if (feed != this || row == null) {
                return;
            }
            ticksShown.set(ticksShown.get() + 1);
            if (row.apply(tick, clock.instant())) {
                liveTicksShown.set(liveTicksShown.get() + 1);
            }
            shownTick.accept(tick);
            if (resynced != null) {
                showResync(productId);
            } else if (feedState.get() != FeedState.LIVE) {
                setFeed(FeedState.LIVE, "Live");
            }
        }

        /** Counts the products back after a break, and says when all of them are, so users can trust the rows. */
        private void showResync(String productId) {
            Set<String> back = requireNonNull(resynced, "resynced");
            back.add(productId);
            if (back.size() < rowsById.size()) {
                setFeed(FeedState.STALE, "Resyncing: " + back.size() + " of " + rowsById.size() + " products");
                return;
            }
            resynced = null;
            setFeed(
                    FeedState.LIVE,
                    "Live, resynced " + back.size() + " products at "
                            + RESYNC_CLOCK.format(LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault())));
        }

        private void markStale(FeedState state, String message) {
            if (feed != this) {
                return;
            }
            // Prices the stream delivered before it broke are shown first, so none of them un-stales a row.
            updates.drain();
            drainBacklog();
            rows.forEach(WatchlistRowModel::markStale);
            resynced = new HashSet<>();
            setFeed(state, message);
        }
    }
}
