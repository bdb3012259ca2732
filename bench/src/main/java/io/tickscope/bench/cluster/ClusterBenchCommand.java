package io.tickscope.bench.cluster;

import io.tickscope.bench.load.LatencySummary;
import io.tickscope.bench.report.Conditions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "tickscope-cluster-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the scale-out on real processes, PostgreSQL and NATS JetStream: the broker hop's cost to a"
                    + " price's delivery, watchers' failover after kill -9, and CPU per price change on a replica"
                    + " fed by JetStream against a server alone.",
            "Each scenario gets a database and cluster name of its own and drops them at its end."
        })
final class ClusterBenchCommand implements Callable<Integer> {

    @Option(
            names = "--broker",
            paramLabel = "NATS_URL",
            defaultValue = "nats://127.0.0.1:4222",
            description = "NATS with JetStream (default: ${DEFAULT-VALUE}).")
    private String broker = "nats://127.0.0.1:4222";

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
            description = "A PostgreSQL database to create each scenario's database from (default: ${DEFAULT-VALUE}).")
    private String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Option(
            names = "--watchers",
            paramLabel = "N",
            split = ",",
            defaultValue = "300,1000",
            description = "Watcher counts of the failover scenario (default: ${DEFAULT-VALUE}).")
    private List<Integer> watcherCounts = List.of(300, 1_000);

    @Option(
            names = "--tick-rate",
            paramLabel = "PER_SECOND",
            defaultValue = "5000",
            description = "The market's changes per second in the CPU-per-change scenario (default: ${DEFAULT-VALUE}).")
    private int tickRate = 5_000;

    @Option(
            names = "--smoke",
            description = "Run every scenario briefly to check that the harness works; the figures mean little.")
    private boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        ClusterEngines engines = new ClusterEngines(broker, postgres);
        int warmUpChanges = smoke ? 50 : 1_000;
        int measuredChanges = smoke ? 200 : 5_000;
        Duration costWarmUp = Duration.ofSeconds(smoke ? 3 : 10);
        Duration costWindow = Duration.ofSeconds(smoke ? 5 : 30);
        out.printf(
                "Tickscope cluster benchmark, %s, %d processors%n",
                smoke ? "smoke" : "full", Runtime.getRuntime().availableProcessors());

        out.printf(
                "%n1. Delivery lag, one change at a time from PublishPrices to a watcher (%d measured after %d)%n",
                measuredChanges, warmUpChanges);
        try (ScratchCluster scratch = ScratchCluster.create(engines, "lag_alone")) {
            ServerLaunch alone = scratch.startEmbedded("alone", "--rate-limit", "0", "--tick-rate", "0");
            printLag(
                    out,
                    "server alone, in-process bus",
                    DeliveryLag.measure(alone, alone, warmUpChanges, measuredChanges));
        }
        try (ScratchCluster scratch = ScratchCluster.create(engines, "lag_cluster")) {
            ServerLaunch a = scratch.startReplica("a", "--rate-limit", "0", "--tick-rate", "0");
            scratch.startReplica("b", "--rate-limit", "0", "--tick-rate", "0");
            ServerLaunch c = scratch.startReplica("c", "--rate-limit", "0", "--tick-rate", "0");
            printLag(
                    out,
                    "cluster, published on A, watched on C",
                    DeliveryLag.measure(a, c, warmUpChanges, measuredChanges));
            printLag(
                    out,
                    "cluster, published and watched on A",
                    DeliveryLag.measure(a, a, warmUpChanges, measuredChanges));
        }

        out.printf("%n2. Failover: kill -9 of a replica that does not run the market, 3 replicas%n");
        for (int watchers : watcherCounts) {
            try (ScratchCluster scratch = ScratchCluster.create(engines, "failover")) {
                double load = Conditions.loadAverageNow();
                FailoverTime.Result result = FailoverTime.measure(scratch, watchers);
                out.printf(
                        Locale.ROOT,
                        "  %,6d watchers, %,d on the killed replica: last resumed %d ms after the kill,"
                                + " median %d ms   (load %.1f)%n",
                        result.watchers(),
                        result.watchersMoved(),
                        result.lastResumed().toMillis(),
                        result.medianResumed().toMillis(),
                        load);
            }
        }

        out.printf(
                "%n3. CPU per price change, market at %,d changes/s, one watcher of every product per server%n",
                tickRate);
        try (ScratchCluster scratch = ScratchCluster.create(engines, "cost_alone")) {
            printCost(out, CostPerUpdate.embedded(scratch, tickRate, costWarmUp, costWindow));
        }
        for (CostPerUpdate.Result replica : CostPerUpdate.replicas(engines, tickRate, costWarmUp, costWindow)) {
            printCost(out, replica);
        }
        return 0;
    }

    private static void printLag(PrintStream out, String setup, LatencySummary lag) {
        out.printf(
                Locale.ROOT,
                "  %-40s p50 %7.0f us  p99 %7.0f us  max %7.0f us   (load %.1f)%n",
                setup,
                lag.p50Micros(),
                lag.p99Micros(),
                lag.maxMicros(),
                Conditions.loadAverageNow());
    }

    private static void printCost(PrintStream out, CostPerUpdate.Result result) {
        out.printf(
                Locale.ROOT,
                "  %-55s %6.1f us CPU per change at %,8.0f changes/s (idle: %.1f%% of a core)" + "   (load %.1f)%n",
                result.server(),
                result.cpuMicrosPerUpdate(),
                result.updatesPerSecond(),
                result.idleCpuShare() * 100,
                Conditions.loadAverageNow());
    }
}
