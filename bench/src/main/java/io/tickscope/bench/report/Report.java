package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Everything one run produced: its conditions, its figures and its targets. */
public record Report(Conditions conditions, List<Measurement> measurements, List<Target> targets) {

    public Report {
        requireNonNull(conditions, "conditions");
        measurements = List.copyOf(measurements);
        targets = List.copyOf(targets);
    }

    /** Returns how many targets the run met. */
    public long targetsMet() {
        return targets.stream().filter(Target::met).count();
    }
}
