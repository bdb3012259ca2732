package io.tickscope.desktop.batch;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.LookupResult;
import io.tickscope.desktop.model.LookupWay;
import io.tickscope.desktop.model.PriceLookup;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.wire.WireFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the batch lookup: which products, segment and currency; the batch call's results;
 * and the timings of the batch beside N unary calls, sequential and concurrent. The three ways run one after
 * another, so that none slows another down. The first lookup runs each way once, untimed, on a few products
 * beforehand: otherwise whichever way runs first pays for class loading and JIT compilation on both sides.
 *
 * <p>Call it on the UI thread; it moves results there through the injected {@link UiThread}.
 */
public final class BatchLookupViewModel {

    /** The currencies the server quotes in; another ISO 4217 code may be typed in, and the server answers. */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");

    /** "47 calls become 1". */
    public static final int DEFAULT_FIRST_COUNT = 47;

    private static final int WARM_UP_PRODUCTS = 5;

    private final PricingClient client;
    private final UiThread ui;

    private final StringProperty pastedIds = new SimpleStringProperty(this, "pastedIds", "");
    private final IntegerProperty firstCount = new SimpleIntegerProperty(this, "firstCount", DEFAULT_FIRST_COUNT);
    private final ObjectProperty<Segment> segment = new SimpleObjectProperty<>(this, "segment", Segment.STANDARD);
    private final StringProperty currencyCode = new SimpleStringProperty(this, "currencyCode", CURRENCIES.get(0));
    private final ObservableList<QuoteResult> results = FXCollections.observableArrayList();
    private final ObservableList<LookupTiming> timings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    // Touched on the UI thread.
    private boolean warmedUp;

    public BatchLookupViewModel(PricingClient client, UiThread ui) {
        this.client = requireNonNull(client, "client");
        this.ui = requireNonNull(ui, "ui");
    }

    /** Looks up the ids in {@link #pastedIdsProperty()}. */
    public void lookUpPasted() {
        lookUp(() -> ProductIds.parse(pastedIds.get()));
    }

    /** Looks up the catalogue's first {@link #firstCountProperty()} products. */
    public void lookUpFirst() {
        lookUp(() -> ProductIds.first(firstCount.get()));
    }

    private void lookUp(Supplier<List<String>> productIds) {
        if (running.get()) {
            return;
        }
        PriceLookup lookup;
        try {
            lookup = new PriceLookup(
                    productIds.get(), currencyCode.get().strip().toUpperCase(Locale.ROOT), segment.get());
        } catch (IllegalArgumentException invalid) {
            message.set(invalid.getMessage());
            return;
        }
        running.set(true);
        results.clear();
        timings.clear();
        message.set("Looking up " + lookup.productIds().size() + " products three ways...");
        CompletableFuture<?> ready = warmedUp ? CompletableFuture.completedFuture(null) : warmUp(lookup);
        warmedUp = true;
        ready.thenCompose(warm -> client.lookUp(lookup, LookupWay.ONE_BATCH))
                .thenCompose(batch -> {
                    ui.execute(() -> showBatch(batch));
                    return client.lookUp(lookup, LookupWay.UNARY_SEQUENTIAL)
                            .thenCompose(sequential -> {
                                ui.execute(() -> timings.add(LookupTiming.of(sequential, batch)));
                                return client.lookUp(lookup, LookupWay.UNARY_CONCURRENT);
                            })
                            .thenApply(concurrent -> LookupTiming.of(concurrent, batch));
                })
                .whenComplete((concurrent, failure) -> ui.execute(() -> {
                    if (failure != null) {
                        message.set(RpcErrors.describe(failure));
                    } else {
                        timings.add(concurrent);
                        message.set(summary());
                    }
                    running.set(false);
                }));
    }

    /** Runs every way once on a few of {@code lookup}'s products; a failure here shows in the real lookup. */
    private CompletableFuture<?> warmUp(PriceLookup lookup) {
        PriceLookup few = new PriceLookup(
                lookup.productIds()
                        .subList(
                                0,
                                Math.min(WARM_UP_PRODUCTS, lookup.productIds().size())),
                lookup.currencyCode(),
                lookup.segment());
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        for (LookupWay way : LookupWay.values()) {
            done = done.thenCompose(previous -> client.lookUp(few, way).exceptionally(failure -> null));
        }
        return done;
    }

    private void showBatch(LookupResult batch) {
        results.setAll(batch.rows());
        timings.setAll(LookupTiming.of(batch, batch));
    }

    private String summary() {
        long unpriced =
                results.stream().filter(result -> result.error() != null).count();
        return String.format(
                Locale.ROOT,
                "%d products, %d priced, %d not. One call instead of %d: %s, against %s one after another"
                        + " and %s all at once.",
                results.size(),
                results.size() - unpriced,
                unpriced,
                timings.get(1).calls(),
                WireFormat.millis(timings.get(0).wallTime()),
                WireFormat.millis(timings.get(1).wallTime()),
                WireFormat.millis(timings.get(2).wallTime()));
    }

    /** Product ids as pasted: separated by white space, commas or semicolons. */
    public StringProperty pastedIdsProperty() {
        return pastedIds;
    }

    /** How many of the catalogue's first products to look up, 1 to {@link PriceLookup#MAX_PRODUCTS}. */
    public IntegerProperty firstCountProperty() {
        return firstCount;
    }

    public ObjectProperty<Segment> segmentProperty() {
        return segment;
    }

    /** An ISO 4217 code; {@link #CURRENCIES} lists the ones the server quotes in. */
    public StringProperty currencyCodeProperty() {
        return currencyCode;
    }

    /** The batch call's rows, in request order. */
    public ObservableList<QuoteResult> results() {
        return results;
    }

    /** The batch first, then the sequential and the concurrent unary calls as each finishes. */
    public ObservableList<LookupTiming> timings() {
        return timings;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What happened last, in words: a summary, a validation problem, or a failed call's status. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
