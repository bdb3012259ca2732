package io.tickscope.desktop.alerts;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks every tick against the alerts of its product, on the thread that delivers the tick (a gRPC thread, or
 * a replay's): for a product without alerts, two slots found by the product's number (its latest tick and its
 * alerts) and no lock. Firings go to {@code fired} on that thread, which hands them on. The rules change on the UI
 * thread; each rule keeps its state (last side, window) across such changes.
 */
public final class AlertEvaluator {

    private final Consumer<AlertFiring> fired;
    /** The latest price of every product seen, so that a new alert knows which side of its level it starts on. */
    private final ProductSlots<PriceTick> latest = new ProductSlots<>();
    /** Each product's alerts, a list replaced whole when they change, so the tick path reads it without a lock. */
    private final ProductSlots<List<AlertState>> byProduct = new ProductSlots<>();
    /** What {@link #byProduct} holds, for the next change; only under this object's lock. */
    private Map<String, List<AlertState>> watched = Map.of();

    public AlertEvaluator(Consumer<AlertFiring> fired) {
        this.fired = requireNonNull(fired, "fired");
    }

    /** Watches {@code rules} from now on; a rule watched before keeps what it saw. */
    public synchronized void watch(Collection<AlertRule> rules) {
        Map<AlertRule, AlertState> before = new HashMap<>();
        watched.values().forEach(states -> states.forEach(state -> before.put(state.rule(), state)));
        Map<String, List<AlertState>> after = new HashMap<>();
        for (AlertRule rule : rules) {
            AlertState state =
                    before.containsKey(rule) ? before.get(rule) : AlertState.of(rule, latest.get(rule.productId()));
            after.computeIfAbsent(rule.productId(), product -> new ArrayList<>())
                    .add(state);
        }
        after.replaceAll((product, states) -> List.copyOf(states));
        for (String product : watched.keySet()) {
            if (!after.containsKey(product)) {
                byProduct.set(product, null);
            }
        }
        after.forEach(byProduct::set);
        watched = after;
    }

    /** Checks {@code tick}; calls come one at a time per watch. */
    public void onTick(PriceTick tick) {
        String product = tick.productId();
        latest.set(product, tick);
        List<AlertState> states = byProduct.get(product);
        if (states == null) {
            return;
        }
        for (AlertState state : states) {
            AlertFiring firing = state.check(tick);
            if (firing != null) {
                fired.accept(firing);
            }
        }
    }
}
