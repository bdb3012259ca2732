package io.tickscope.bench;

import static java.util.Objects.requireNonNull;

import io.tickscope.bench.codec.JmhSettings;
import io.tickscope.bench.load.LoadPhases;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How long and how hard one run measures. {@link #full()} is the run behind docs/benchmarks.md, about ten
 * minutes; {@link #quick()} is a short run in three rounds to check that a change helps, noisy;
 * {@link #smoke()} exercises every scenario in well under a minute so that CI keeps the harness working, with
 * figures too short to mean much.
 *
 * @param mode "full", "quick" or "smoke"
 * @param unary warm-up and window of every unary run: sequential, closed loop and open loop
 * @param concurrency the calls in flight in closed-loop runs
 * @param batchRepetitions how often the batch comparison runs; the median counts
 * @param ladder warm-up and window of each step of the configuration ladder (sequential and closed loop)
 * @param networkPages how many times each way of loading the page of 47 prices over the delay line is timed
 * @param push warm-up and window of the one-stream push run
 * @param fanOut warm-up and window of each fan-out step
 * @param fanOutSteps the numbers of concurrent streams to try, rising; the ramp stops at the first step missed
 * @param jmh the JMH iterations of the codec microbenchmarks
 * @param rounds how often the scenarios that feed a ratio target run, interleaved (unary, batch, open loop,
 *     push): each figure is the median of its rounds, shown with their least and greatest
 * @param scenarios the scenarios to run
 */
public record BenchSettings(
        String mode,
        LoadPhases unary,
        int concurrency,
        int batchRepetitions,
        LoadPhases ladder,
        int networkPages,
        LoadPhases push,
        LoadPhases fanOut,
        List<Integer> fanOutSteps,
        JmhSettings jmh,
        int rounds,
        Set<Scenario> scenarios) {

    public BenchSettings {
        requireNonNull(mode, "mode");
        requireNonNull(unary, "unary");
        requireNonNull(ladder, "ladder");
        requireNonNull(push, "push");
        requireNonNull(fanOut, "fanOut");
        requireNonNull(jmh, "jmh");
        fanOutSteps = List.copyOf(fanOutSteps);
        scenarios = Set.copyOf(scenarios);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: >= 1)");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: >= 1)");
        }
        if (networkPages < 1) {
            throw new IllegalArgumentException("networkPages: " + networkPages + " (expected: >= 1)");
        }
        if (batchRepetitions < 1) {
            throw new IllegalArgumentException("batchRepetitions: " + batchRepetitions + " (expected: >= 1)");
        }
        if (fanOutSteps.isEmpty()) {
            throw new IllegalArgumentException("fanOutSteps: none (expected: at least one)");
        }
    }

    public static BenchSettings full() {
        return new BenchSettings(
                "full",
                new LoadPhases(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                32,
                11,
                new LoadPhases(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                7,
                new LoadPhases(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                new LoadPhases(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                List.of(500, 1_000, 2_000, 3_000, 4_000, 6_000),
                new JmhSettings(1, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1)),
                3,
                EnumSet.allOf(Scenario.class));
    }

    public static BenchSettings quick() {
        return new BenchSettings(
                "quick",
                new LoadPhases(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                32,
                5,
                new LoadPhases(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                3,
                new LoadPhases(Duration.ofSeconds(2), Duration.ofSeconds(3)),
                new LoadPhases(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                List.of(500, 1_000, 2_000),
                new JmhSettings(1, 1, Duration.ofMillis(500), 2, Duration.ofMillis(500)),
                3,
                EnumSet.allOf(Scenario.class));
    }

    /** Returns these settings running only {@code selected}. */
    public BenchSettings only(Set<Scenario> selected) {
        return new BenchSettings(
                mode,
                unary,
                concurrency,
                batchRepetitions,
                ladder,
                networkPages,
                push,
                fanOut,
                fanOutSteps,
                jmh,
                rounds,
                selected);
    }

    /** Returns these settings with {@code newRounds} rounds. */
    public BenchSettings withRounds(int newRounds) {
        return new BenchSettings(
                mode,
                unary,
                concurrency,
                batchRepetitions,
                ladder,
                networkPages,
                push,
                fanOut,
                fanOutSteps,
                jmh,
                newRounds,
                scenarios);
    }

    /** Returns whether the run includes {@code scenario}. */
    boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    public static BenchSettings smoke() {
        return new BenchSettings(
                "smoke",
                new LoadPhases(Duration.ofMillis(200), Duration.ofMillis(300)),
                8,
                1,
                new LoadPhases(Duration.ofMillis(100), Duration.ofMillis(200)),
                1,
                new LoadPhases(Duration.ofMillis(300), Duration.ofMillis(500)),
                new LoadPhases(Duration.ofMillis(300), Duration.ofMillis(500)),
                List.of(50),
                new JmhSettings(0, 1, Duration.ofMillis(50), 1, Duration.ofMillis(100)),
                1,
                EnumSet.allOf(Scenario.class));
    }
}
