package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.stub.ServerCallStreamObserver;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.PriceJournalUnavailableException;
import io.tickscope.server.pricing.PriceTick;
import io.tickscope.server.pricing.PriceUpdate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The start of a watch that replays history ({@code replay_since}): holds back the live stream until every
 * product's stored changes before its snapshot are sent, so history and live meet with no hole and no
 * duplicate.
 *
 * <p>The seam is the snapshot's sequence number. The bus delivers every watched product's snapshot before any
 * change; this class holds them (and the changes that follow, up to {@value #MAX_HELD} updates). Once all
 * snapshots are in, it waits on a blocking thread until the history writer has stored every change recorded so
 * far (the book records a change before it publishes it, so each snapshot's own change is among them), reads
 * each product's stored changes since {@code replay_since} that precede the snapshot (a lower sequence number
 * of the same incarnation, or an older incarnation), and sends them, oldest first per product, as REPLAY. Then
 * it sends the held snapshots and changes, and the live stream goes on. Replayed changes end just below the
 * snapshot, the snapshot is the state at its number, and live changes are above it: nothing twice. Every
 * stored change up to the snapshot is replayed: nothing missing, unless the history writer had to drop changes
 * (it counts them) or the held updates overflowed, and then the bus conflates as for any slow watcher.
 *
 * <p>Every method but the history read runs on the call's event loop.
 */
final class SeamReplay {

    static final int MAX_REPLAYED = 100_000;
    private static final int MAX_HELD = 100_000;
    private static final long FLUSH_TIMEOUT_SECONDS = 10;

    private final PriceHistory history;
    private final long sinceNanos;
    private final int expectedSnapshots;
    private final Function<PriceTick, WatchPricesResponse> replayMessage;
    private final Function<PriceUpdate, WatchPricesResponse> liveMessage;
    private final ServerCallStreamObserver<WatchPricesResponse> call;
    private final ServiceRequestContext ctx;
    private final List<PriceUpdate> snapshots = new ArrayList<>();
    private final List<PriceUpdate> held = new ArrayList<>();
    private boolean reading;
    private boolean loaded;
    private boolean done;
    private boolean sendingNow;
    private Iterator<PriceTick> replay = List.<PriceTick>of().iterator();
    private Runnable onDone = () -> {};
    private Runnable onFailure = () -> {};

    SeamReplay(
            PriceHistory history,
            long sinceNanos,
            int expectedSnapshots,
            Function<PriceTick, WatchPricesResponse> replayMessage,
            Function<PriceUpdate, WatchPricesResponse> liveMessage,
            ServerCallStreamObserver<WatchPricesResponse> call) {
        this.history = requireNonNull(history, "history");
        this.sinceNanos = sinceNanos;
        this.expectedSnapshots = expectedSnapshots;
        this.replayMessage = requireNonNull(replayMessage, "replayMessage");
        this.liveMessage = requireNonNull(liveMessage, "liveMessage");
        this.call = requireNonNull(call, "call");
        // Created inside the service method, where the call's context is current; deliveries run without it.
        ctx = ServiceRequestContext.current();
    }

    /** Sets what runs once the replay is sent (resume live delivery) and once it failed (close the watch). */
    void whenOver(Runnable onDone, Runnable onFailure) {
        this.onDone = requireNonNull(onDone, "onDone");
        this.onFailure = requireNonNull(onFailure, "onFailure");
    }

    /** Returns whether the replay is over and updates go straight to the call. */
    boolean isDone() {
        return done;
    }

    /** Returns whether another update can be held while the replay runs. */
    boolean canHold() {
        return held.size() + snapshots.size() < MAX_HELD;
    }

    /** Holds {@code update} until the replay is sent; starts reading history once every snapshot is in. */
    void hold(PriceUpdate update) {
        if (update.kind() == PriceUpdate.Kind.SNAPSHOT) {
            snapshots.add(update);
        } else {
            held.add(update);
        }
        if (!reading && snapshots.size() == expectedSnapshots) {
            reading = true;
            read();
        }
    }

    /** Sends more of the replay while the transport is ready; call it from the call's on-ready handler. */
    void onReady() {
        send();
    }

    private void read() {
        List<PriceUpdate> inOrder = List.copyOf(snapshots);
        ctx.blockingTaskExecutor().execute(() -> {
            List<PriceTick> ticks;
            try {
                ticks = replayOf(inOrder);
            } catch (RuntimeException e) {
                ctx.eventLoop().execute(() -> fail(e));
                return;
            }
            ctx.eventLoop().execute(() -> {
                replay = ticks.iterator();
                loaded = true;
                send();
            });
        });
    }

    private List<PriceTick> replayOf(List<PriceUpdate> inOrder) {
        try {
            history.flushed().get(FLUSH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStoredInTime(e);
        } catch (ExecutionException | TimeoutException e) {
            throw notStoredInTime(e);
        }
        List<PriceTick> ticks = new ArrayList<>();
        for (PriceUpdate snapshot : inOrder) {
            ticks.addAll(history.replayBefore(snapshot, sinceNanos, MAX_REPLAYED - ticks.size()));
            if (ticks.size() > MAX_REPLAYED) {
                throw InvalidArgumentException.of(
                        "replay_since",
                        "more than " + MAX_REPLAYED + " stored changes since then (expected: a later time, or fewer"
                                + " products; GetPriceHistory and GetPriceBars page through longer history)");
            }
        }
        return ticks;
    }

    private static PriceJournalUnavailableException notStoredInTime(Exception cause) {
        return new PriceJournalUnavailableException(
                "price history was not stored in time for a replay; retry later, or watch without replay_since", cause);
    }

    private void send() {
        // Sending can signal on-ready at once, which calls back here: the outer call carries on.
        if (done || !loaded || sendingNow || call.isCancelled()) {
            return;
        }
        sendingNow = true;
        try {
            while (call.isReady() && replay.hasNext()) {
                call.onNext(replayMessage.apply(replay.next()));
            }
            if (replay.hasNext()) {
                return;
            }
            done = true;
            // The snapshots, then the changes held meanwhile, in the order the bus delivered them.
            List<PriceUpdate> tail = new ArrayList<>(snapshots);
            tail.addAll(held);
            snapshots.clear();
            held.clear();
            tail.forEach(update -> call.onNext(liveMessage.apply(update)));
        } finally {
            sendingNow = false;
        }
        onDone.run();
    }

    private void fail(RuntimeException e) {
        if (!done && !call.isCancelled()) {
            done = true;
            onFailure.run();
            call.onError(e);
        }
    }
}
