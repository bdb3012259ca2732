package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything one run produced: its conditions, its figures, its targets and the scenarios that failed.
 *
 * @param failures one line per scenario that failed, naming it and the error; its figures are missing
 */
public record Report(
        Conditions conditions, List<Measurement> measurements, List<Target> targets, List<String> failures) {

    public Report {
        requireNonNull(conditions, "conditions");
        measurements = List.copyOf(measurements);
        targets = List.copyOf(targets);
        failures = List.copyOf(failures);
    }

    /** Returns how many targets the run met. */
    public long targetsMet() {
        return targets.stream().filter(Target::met).count();
    }
}
