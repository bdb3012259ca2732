package io.tickscope.bench.cluster;

import io.grpc.ManagedChannel;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one price change costs a server's CPU: the server's process CPU time over a window, less what the same
 * server burns in the same window with the market stopped (timers, heartbeats, the broker's keep-alives), divided
 * by the changes one watcher of every product received in that window. Measured on a server alone (the market
 * in its own process, the change handed over in memory) and on a replica of a cluster that does not run the
 * market (every change arrives from JetStream), with the market replica's own cost beside them.
 */
final class CostPerUpdate {

    private CostPerUpdate() {}

    /** A server's CPU time per change it took in, and the changes per second it took in. */
    record Result(String server, double cpuMicrosPerUpdate, double updatesPerSecond, double idleCpuShare) {}

    /** Measures the server that runs the market and watchers alone. */
    static Result embedded(ScratchCluster scratch, int tickRate, Duration warmUp, Duration window) {
        ServerLaunch idle = scratch.startEmbedded("idle", "--rate-limit", "0", "--tick-rate", "0");
        Window quiet = Window.measure(idle, warmUp, window);
        idle.close();
        ServerLaunch busy =
                scratch.startEmbedded("alone", "--rate-limit", "0", "--tick-rate", Integer.toString(tickRate));
        Window loaded = Window.measure(busy, warmUp, window);
        busy.close();
        return loaded.perUpdateAbove("server alone (market in process)", quiet);
    }

    /**
     * Measures both replicas of a two-replica cluster: the one elected to run the market and the one fed by
     * JetStream.
     */
    static Result[] replicas(ClusterEngines engines, int tickRate, Duration warmUp, Duration window) {
        Window quietFollower;
        try (ScratchCluster quiet = ScratchCluster.create(engines, "cost_idle")) {
            quiet.startReplica("leader", "--rate-limit", "0", "--tick-rate", "0");
            ServerLaunch follower = quiet.startReplica("follower", "--rate-limit", "0", "--tick-rate", "0");
            quietFollower = Window.measure(follower, warmUp, window);
        }
        try (ScratchCluster busy = ScratchCluster.create(engines, "cost")) {
            String rate = Integer.toString(tickRate);
            // The first replica up takes the market lease; the second finds it held and follows the stream.
            ServerLaunch leader = busy.startReplica("leader", "--rate-limit", "0", "--tick-rate", rate);
            ServerLaunch follower = busy.startReplica("follower", "--rate-limit", "0", "--tick-rate", rate);
            if (!leader.logged("holds the market lease") || follower.logged("holds the market lease")) {
                throw new IllegalStateException(
                        "expected the first replica to hold the market lease; logs in " + busy.logDirectory());
            }
            Window[] both = Window.measureTogether(leader, follower, warmUp, window);
            return new Result[] {
                both[1].perUpdateAbove("replica fed by JetStream", quietFollower),
                both[0].perUpdateAbove("replica running the market (publishes to JetStream)", quietFollower)
            };
        }
    }

    /** One server's CPU time and the changes its watcher received over a window. */
    private record Window(long cpuNanos, long updates, Duration length) {

        static Window measure(ServerLaunch server, Duration warmUp, Duration window) {
            return measureTogether(server, server, warmUp, window)[0];
        }

        /** Measures two servers over the same window, each with a watcher of every product. */
        static Window[] measureTogether(ServerLaunch first, ServerLaunch second, Duration warmUp, Duration window) {
            try (CountingWatcher firstWatcher = new CountingWatcher(first);
                    CountingWatcher secondWatcher = first == second ? null : new CountingWatcher(second)) {
                Pauses.sleep(warmUp);
                long firstCpu = first.cpuNanos();
                long secondCpu = second.cpuNanos();
                long firstUpdates = firstWatcher.changes();
                long secondUpdates = secondWatcher == null ? 0 : secondWatcher.changes();
                long startedAt = System.nanoTime();
                Pauses.sleep(window);
                Duration length = Duration.ofNanos(System.nanoTime() - startedAt);
                Window firstWindow =
                        new Window(first.cpuNanos() - firstCpu, firstWatcher.changes() - firstUpdates, length);
                Window secondWindow = secondWatcher == null
                        ? firstWindow
                        : new Window(second.cpuNanos() - secondCpu, secondWatcher.changes() - secondUpdates, length);
                return new Window[] {firstWindow, secondWindow};
            }
        }

        Result perUpdateAbove(String server, Window quiet) {
            double seconds = length.toNanos() / 1e9;
            double cpuPerSecond = cpuNanos / seconds;
            double quietCpuPerSecond = quiet.cpuNanos() / (quiet.length().toNanos() / 1e9);
            double updatesPerSecond = updates / seconds;
            if (updates == 0) {
                throw new IllegalStateException(server + ": its watcher received no change in " + length);
            }
            return new Result(
                    server,
                    (cpuPerSecond - quietCpuPerSecond) / updatesPerSecond / 1_000.0,
                    updatesPerSecond,
                    quietCpuPerSecond / 1e9);
        }
    }

    /** A watcher of every product that counts the changes it receives. */
    private static final class CountingWatcher extends EndableWatch implements AutoCloseable {

        private final ManagedChannel channel;
        private final AtomicLong changes = new AtomicLong();

        CountingWatcher(ServerLaunch server) {
            super("the counting watch on " + server.name());
            channel = Channels.to(server);
            PricingServiceGrpc.newStub(channel).watchPrices(WatchPricesRequest.getDefaultInstance(), this);
        }

        long changes() {
            return changes.get();
        }

        @Override
        public void onNext(WatchPricesResponse update) {
            if (update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE) {
                changes.incrementAndGet();
            }
        }

        @Override
        public void close() {
            end("window over");
            Channels.close(channel);
        }
    }
}
