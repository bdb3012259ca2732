package io.tickscope.server.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The slow consumer for as long as asked, five minutes by default: prints the server's heap and the largest
 * watcher backlog every ten seconds, then both phases' figures. Arguments: the slow phase's length in seconds,
 * then the baseline's, by default as long: on a shared machine, tail latencies of phases of unequal length do
 * not compare.
 */
final class SlowConsumerSoak {

    private SlowConsumerSoak() {}

    public static void main(String[] args) throws Exception {
        Duration slowPhase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 300);
        Duration baseline = args.length > 1 ? Duration.ofSeconds(Long.parseLong(args[1])) : slowPhase;
        Path work = Files.createTempDirectory("tickscope-soak");
        System.out.println("Slow consumer soak: market " + SlowConsumerScenario.TICK_RATE + " changes/s, baseline "
                + baseline.toSeconds() + " s, slow consumer " + slowPhase.toSeconds() + " s; data and logs in "
                + work);
        SlowConsumerScenario.Figures figures = new SlowConsumerScenario(
                        work.resolve("data"), work.resolve("logs"), Duration.ofSeconds(10), System.out)
                .run(baseline, slowPhase);
        System.out.println("baseline:      " + figures.baseline().describe());
        System.out.println("slow consumer: " + figures.slowPhase().describe());
        System.out.println("slow watcher read " + figures.slowMessagesRead() + " messages"
                + (figures.slowFailure().isEmpty()
                        ? ", stream still open"
                        : ", stream failed: " + figures.slowFailure()));
        System.exit(0);
    }
}
