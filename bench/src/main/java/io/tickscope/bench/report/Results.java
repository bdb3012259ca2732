package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the measurements and targets of a run, in the order the scenarios first add them. A scenario that runs
 * in several rounds adds the same figure once per round: the figure then shows the median of its rounds with
 * their spread, and a target is judged on that median. Not thread-safe.
 */
public final class Results {

    private final Map<List<String>, Samples<Measurement>> measurements = new LinkedHashMap<>();
    private final Map<String, Samples<Target>> targets = new LinkedHashMap<>();

    /** Adds the figure {@code value} in {@code unit} under {@code section}: one more sample if it is there. */
    public void add(String section, String name, double value, String unit) {
        measurements
                .computeIfAbsent(
                        List.of(section, name), key -> new Samples<>(new Measurement(section, name, value, unit)))
                .values
                .add(value);
    }

    /** Adds {@code target}'s figure: one more sample of the target with the same id if it is there. */
    public void add(Target target) {
        requireNonNull(target, "target");
        targets.computeIfAbsent(target.id(), id -> new Samples<>(target)).values.add(target.measured());
    }

    public List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>();
        for (Samples<Measurement> samples : measurements.values()) {
            Measurement first = samples.first;
            Spread spread = Spread.of(samples.values);
            all.add(new Measurement(first.section(), first.name(), spread.median(), first.unit(), spread));
        }
        return all;
    }

    public List<Target> targets() {
        return targets.values().stream()
                .map(samples -> samples.first.over(samples.values))
                .toList();
    }

    /** The first of a figure's samples, for its names and unit, and the values of all of them. */
    private static final class Samples<T> {

        final T first;
        final List<Double> values = new ArrayList<>();

        Samples(T first) {
            this.first = first;
        }
    }
}
