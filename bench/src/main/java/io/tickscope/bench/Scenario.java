package io.tickscope.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The scenarios of a run, by the name {@code --only} selects them with. */
enum Scenario {
    /** Encoded sizes and bytes on the wire (targets 1 and 2); measured once, they do not vary. */
    SIZES("sizes"),
    /** Unary latency and throughput of the Armeria server, plain grpc-java and raw TCP (targets 3, 5 and 6). */
    UNARY("unary"),
    /** Armeria with Tickscope's configuration added one feature at a time, against plain grpc-java. */
    CONFIGURATION_LADDER("config-ladder"),
    /** 1,000 sequential calls, 1,000 concurrent ones and one batch (target 4). */
    BATCH("batch"),
    /** GetPrice at half the most calls per second (target 9). */
    OPEN_LOOP("open-loop"),
    /** One WatchPrices stream of the whole catalogue (target 7). */
    PUSH("push"),
    /** A page of 47 prices over a delay line, REST and gRPC in their several ways (targets 10 to 12). */
    NETWORK("network"),
    /** Rising numbers of WatchPrices streams (target 8); a ramp, run once. */
    FAN_OUT("fan-out"),
    /** JMH codec microbenchmarks; run once. */
    CODECS("codecs");

    private final String cliName;

    Scenario(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    /**
     * Returns the scenario named {@code cliName}.
     *
     * @throws IllegalArgumentException naming the scenarios there are when there is none of that name
     */
    static Scenario named(String cliName) {
        return Arrays.stream(values())
                .filter(scenario -> scenario.cliName.equals(cliName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scenario: \"" + cliName + "\" (expected: one of "
                        + Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", ")) + ')'));
    }
}
