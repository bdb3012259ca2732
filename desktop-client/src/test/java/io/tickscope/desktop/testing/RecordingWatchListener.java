package io.tickscope.desktop.testing;

import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.rpc.PriceWatchListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a price watch reports, for assertions from the test thread. */
public final class RecordingWatchListener implements PriceWatchListener {

    public final List<PriceTick> ticks = new CopyOnWriteArrayList<>();
    public final List<String> interruptions = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();

    @Override
    public void onTick(PriceTick tick) {
        ticks.add(tick);
    }

    @Override
    public void onInterrupted(String reason) {
        interruptions.add(reason);
    }

    @Override
    public void onFailed(String reason) {
        failures.add(reason);
    }

    /** Returns the live changes (not snapshots) received so far for {@code productId}. */
    public List<PriceTick> changesOf(String productId) {
        return ticks.stream()
                .filter(tick -> !tick.snapshot() && tick.productId().equals(productId))
                .toList();
    }

    /** Returns how many snapshots arrived so far; each (re)subscription sends one per product. */
    public long snapshotCount() {
        return ticks.stream().filter(PriceTick::snapshot).count();
    }
}
