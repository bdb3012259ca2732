package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Collects the measurements and targets of a run, in the order the scenarios add them. Not thread-safe. */
public final class Results {

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    /** Adds the figure {@code value} in {@code unit} under {@code section}. */
    public void add(String section, String name, double value, String unit) {
        measurements.add(new Measurement(section, name, value, unit));
    }

    public void add(Target target) {
        targets.add(requireNonNull(target, "target"));
    }

    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }
}
