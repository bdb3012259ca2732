package io.tickscope.desktop.wire;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.rpc.wire.CallStats;
import io.tickscope.desktop.rpc.wire.LatencyStats;
import io.tickscope.desktop.rpc.wire.MessageTypeStats;
import io.tickscope.desktop.rpc.wire.MethodStats;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.rpc.wire.WireSnapshot;
import io.tickscope.desktop.ui.UiThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The wire view's state: calls in flight, methods and message types as the {@link WireMeter} saw them. While
 * active it refreshes {@link #REFRESH_PERIOD every 250 ms} whatever the traffic: the snapshot (and the JSON
 * encoding of its samples) runs on the scheduler, and the UI thread gets one task per refresh with the rows
 * ready to show.
 */
public final class WireViewModel {

    public static final Duration REFRESH_PERIOD = Duration.ofMillis(250);

    private final WireMeter meter;
    private final UiThread ui;
    private final ScheduledExecutorService scheduler;

    private final ObservableList<CallRow> calls = FXCollections.observableArrayList();
    private final ObservableList<MethodRow> methods = FXCollections.observableArrayList();
    private final ObservableList<MessageTypeStats> messageTypes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");

    // Touched on the UI thread.
    private @Nullable ScheduledFuture<?> refreshing;

    // Touched by refresh(), which holds this.
    private final Rates<Long> callRates = new Rates<>();
    private final Rates<String> methodRates = new Rates<>();

    public WireViewModel(WireMeter meter, UiThread ui, ScheduledExecutorService scheduler) {
        this.meter = requireNonNull(meter, "meter");
        this.ui = requireNonNull(ui, "ui");
        this.scheduler = requireNonNull(scheduler, "scheduler");
    }

    /** Starts refreshing; call when the view shows. */
    public void activate() {
        if (refreshing == null) {
            refreshing = scheduler.scheduleWithFixedDelay(
                    this::refreshQuietly, 0, REFRESH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops refreshing; call when the view hides. */
    public void deactivate() {
        if (refreshing != null) {
            refreshing.cancel(false);
            refreshing = null;
        }
    }

    /** Takes a snapshot and hands the rows to the UI thread; runs on the scheduler, or in a test's thread. */
    synchronized void refresh() {
        WireSnapshot snapshot = meter.snapshot();
        long now = snapshot.takenNanos();
        Map<String, LatencyStats> latencies = new HashMap<>();
        List<MethodRow> methodRows = new ArrayList<>(snapshot.methods().size());
        double messagesPerSecond = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        for (MethodStats method : snapshot.methods()) {
            latencies.put(method.method(), method.latency());
            double rate = methodRates.perSecond(method.method(), method.messages(), now, now);
            methodRows.add(new MethodRow(method, MethodNames.shortName(method.method()), rate));
            messagesPerSecond += rate;
            bytesIn += method.bytesIn();
            bytesOut += method.bytesOut();
        }
        List<CallRow> callRows = new ArrayList<>(snapshot.activeCalls().size());
        Set<Long> live = new HashSet<>();
        for (CallStats call : snapshot.activeCalls()) {
            live.add(call.callId());
            callRows.add(new CallRow(
                    call,
                    MethodNames.shortName(call.method()),
                    callRates.perSecond(call.callId(), call.messages(), call.startNanos(), now),
                    latencies.getOrDefault(call.method(), new LatencyStats(0, 0, 0, 0)),
                    Duration.ofNanos(now - call.startNanos())));
        }
        callRates.retainOnly(live);
        String summary = String.format(
                Locale.ROOT,
                "Calls in flight: %d. Messages: %s. Received %s, sent %s.",
                callRows.size(),
                WireFormat.perSecond(messagesPerSecond),
                WireFormat.bytes(bytesIn),
                WireFormat.bytes(bytesOut));
        ui.execute(() -> {
            calls.setAll(callRows);
            methods.setAll(methodRows);
            messageTypes.setAll(snapshot.messageTypes());
            totals.set(summary);
        });
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: say so, and keep refreshing.
            String problem = "Wire statistics failed: " + e;
            ui.execute(() -> totals.set(problem));
        }
    }

    /** The calls in flight, oldest first. */
    public ObservableList<CallRow> calls() {
        return calls;
    }

    /** Every method called so far, by name. */
    public ObservableList<MethodRow> methods() {
        return methods;
    }

    /** Every message type seen so far, with its protobuf size beside its JSON size. */
    public ObservableList<MessageTypeStats> messageTypes() {
        return messageTypes;
    }

    /** One line: calls in flight, messages per second, bytes each way. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }
}
