package io.tickscope.bench.cluster;

import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * How long watchers take to resume after {@code kill -9} of their replica: watchers spread over three replicas,
 * one channel per replica (as the desktop's balancing channel holds one connection per replica), each watching
 * 20 products. A replica that does not run the market is killed; every watcher whose stream breaks watches again
 * at once on one of the two survivors, alternately. A watcher has resumed when its new stream's first update (the
 * snapshot) arrives. The figure is from the kill to the last watcher resumed.
 */
final class FailoverTime {

    private static final int REPLICAS = 3;
    private static final WatchPricesRequest REQUEST = WatchPricesRequest.newBuilder()
            .addAllProductIds(IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> String.format("P%05d", i))
                    .toList())
            .build();
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private FailoverTime() {}

    /** What a kill did to the watchers on the killed replica. */
    record Result(int watchers, int watchersMoved, Duration lastResumed, Duration medianResumed) {}

    static Result measure(ScratchCluster cluster, int watcherCount) {
        List<ServerLaunch> replicas = IntStream.range(0, REPLICAS)
                .mapToObj(i -> cluster.startReplica("r" + i, "--rate-limit", "0", "--tick-rate", "100"))
                .toList();
        List<ManagedChannel> channels = replicas.stream().map(Channels::to).toList();
        List<Watcher> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < watcherCount; i++) {
                Watcher watcher = new Watcher(channels, i);
                watchers.add(watcher);
                watcher.watchOn(i % REPLICAS);
            }
            awaitUntil("every watcher's snapshot", () -> watchers.stream().allMatch(Watcher::delivering));
            int victim = IntStream.range(0, REPLICAS)
                    .filter(i -> !replicas.get(i).logged("holds the market lease"))
                    .findFirst()
                    .orElseThrow();
            List<Watcher> moved = watchers.stream()
                    .filter(watcher -> watcher.replica() == victim)
                    .toList();
            long killedAt = System.nanoTime();
            replicas.get(victim).kill();
            awaitUntil("every watcher of the killed replica resumed", () -> moved.stream()
                    .allMatch(watcher -> watcher.resumedAt() != 0));
            Histogram resumes = new Histogram(3);
            moved.forEach(watcher -> resumes.recordValue(watcher.resumedAt() - killedAt));
            return new Result(
                    watcherCount,
                    moved.size(),
                    Duration.ofNanos(resumes.getMaxValue()),
                    Duration.ofNanos(resumes.getValueAtPercentile(50)));
        } finally {
            watchers.forEach(Watcher::close);
            channels.forEach(Channels::close);
            replicas.forEach(ServerLaunch::close);
        }
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + SETTLE_TIMEOUT + " for " + what);
            }
            Pauses.sleep(Duration.ofMillis(5));
        }
    }

    /** One watcher: watches on one replica and, once its stream breaks, on a survivor. */
    private static final class Watcher implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        private final List<ManagedChannel> channels;
        private final int index;
        private int replica;
        private boolean delivering;
        private boolean broken;
        private long resumedAt;
        private boolean closed;
        private @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

        Watcher(List<ManagedChannel> channels, int index) {
            this.channels = channels;
            this.index = index;
        }

        synchronized void watchOn(int replicaIndex) {
            replica = replicaIndex;
            delivering = false;
            PricingServiceGrpc.newStub(channels.get(replicaIndex)).watchPrices(REQUEST, this);
        }

        synchronized int replica() {
            return replica;
        }

        synchronized boolean delivering() {
            return delivering;
        }

        /** Returns when the first update after a break arrived, 0 before that. */
        synchronized long resumedAt() {
            return resumedAt;
        }

        @Override
        public synchronized void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public synchronized void onNext(WatchPricesResponse update) {
            if (broken && resumedAt == 0) {
                resumedAt = System.nanoTime();
            }
            delivering = true;
        }

        @Override
        public synchronized void onError(Throwable cause) {
            onBroken();
        }

        @Override
        public synchronized void onCompleted() {
            onBroken();
        }

        synchronized void close() {
            closed = true;
            if (call != null) {
                call.cancel("benchmark over", null);
            }
        }

        // Alternates between the two other replicas, as round robin over the survivors spreads a dead one's
        // watchers; a survivor that refuses too sends the watcher on to the next.
        private void onBroken() {
            if (closed) {
                return;
            }
            broken = true;
            watchOn((replica + 1 + index % 2) % REPLICAS);
        }
    }
}
