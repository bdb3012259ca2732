package io.tickscope.bench;

import static java.util.Objects.requireNonNull;

import io.tickscope.bench.codec.JmhSettings;
import io.tickscope.bench.load.LoadPhases;
import java.time.Duration;
import java.util.List;

/**
 * How long and how hard one run measures. {@link #full()} is the run behind docs/benchmarks.md, about five
 * minutes; {@link #smoke()} exercises every scenario in well under a minute so that CI keeps the harness
 * working, with figures too short to mean much.
 *
 * @param mode "full" or "smoke"
 * @param unary warm-up and window of every unary run: sequential, closed loop and open loop
 * @param concurrency the calls in flight in closed-loop runs
 * @param batchRepetitions how often the batch comparison runs; the median counts
 * @param push warm-up and window of the one-stream push run
 * @param fanOut warm-up and window of each fan-out step
 * @param fanOutSteps the numbers of concurrent streams to try, rising; the ramp stops at the first step missed
 * @param jmh the JMH iterations of the codec microbenchmarks
 */
public record BenchSettings(
        String mode,
        LoadPhases unary,
        int concurrency,
        int batchRepetitions,
        LoadPhases push,
        LoadPhases fanOut,
        List<Integer> fanOutSteps,
        JmhSettings jmh) {

    public BenchSettings {
        requireNonNull(mode, "mode");
        requireNonNull(unary, "unary");
        requireNonNull(push, "push");
        requireNonNull(fanOut, "fanOut");
        requireNonNull(jmh, "jmh");
        fanOutSteps = List.copyOf(fanOutSteps);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: " + concurrency + " (expected: >= 1)");
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
                new LoadPhases(Duration.ofSeconds(5), Duration.ofSeconds(10)),
                32,
                21,
                new LoadPhases(Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new LoadPhases(Duration.ofSeconds(3), Duration.ofSeconds(7)),
                List.of(500, 1_000, 2_000, 3_000, 4_000, 6_000),
                new JmhSettings(1, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1)));
    }

    public static BenchSettings smoke() {
        return new BenchSettings(
                "smoke",
                new LoadPhases(Duration.ofMillis(200), Duration.ofMillis(300)),
                8,
                1,
                new LoadPhases(Duration.ofMillis(300), Duration.ofMillis(500)),
                new LoadPhases(Duration.ofMillis(300), Duration.ofMillis(500)),
                List.of(50),
                new JmhSettings(0, 1, Duration.ofMillis(50), 1, Duration.ofMillis(100)));
    }
}
