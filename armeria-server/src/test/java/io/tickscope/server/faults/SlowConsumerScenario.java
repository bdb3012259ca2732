package io.tickscope.server.faults;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.testing.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * One slow consumer beside a healthy one, against a server process whose market moves {@value #TICK_RATE} prices
 * a second. The healthy watcher reads every product's changes as fast as they come and records each change's
 * lag (arrival minus the server's event time); the slow one watches the whole catalogue too but reads one
 * message a second (manual flow control). First a baseline with the healthy watcher alone, then the same with
 * the slow one beside it. Every few seconds the server's heap after a full collection and its largest watcher
 * backlog are sampled, in both phases alike, so that the sampling's own pauses weigh on both.
 */
final class SlowConsumerScenario {

    static final int TICK_RATE = 10_000;

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Pattern MAX_BACKLOG = Pattern.compile("(?m)^tickscope_price_max_backlog\\S* (\\S+)$");

    private final Path dataDirectory;
    private final Path logDirectory;
    private final Duration sampleEvery;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    /**
     * Will run the server with its database in {@code dataDirectory} and logs in {@code logDirectory}, sampling
     * its heap every {@code sampleEvery}, printing each sample to {@code progress}.
     */
    SlowConsumerScenario(Path dataDirectory, Path logDirectory, Duration sampleEvery, PrintStream progress) {
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory");
        this.logDirectory = requireNonNull(logDirectory, "logDirectory");
        this.sampleEvery = requireNonNull(sampleEvery, "sampleEvery");
        this.progress = requireNonNull(progress, "progress");
    }

    /** Runs a baseline of {@code baseline}, then the slow consumer for {@code slowPhase}, and returns the figures. */
    Figures run(Duration baseline, Duration slowPhase) throws InterruptedException {
        List<ManagedChannel> channels = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(
                "slow-consumer", dataDirectory, 0, logDirectory, "--tick-rate", Integer.toString(TICK_RATE))) {
            LagWatcher healthy = new LagWatcher();
            PricingServiceGrpc.newStub(channel(server, channels))
                    .watchPrices(WatchPricesRequest.getDefaultInstance(), healthy);
            healthy.awaitChanges();
            phase(server, WARM_UP, "warm-up");

            Phase alone = measure(server, healthy, baseline, "baseline");
            SlowWatcher slow = new SlowWatcher();
            PricingServiceGrpc.newStub(channel(server, channels))
                    .watchPrices(WatchPricesRequest.getDefaultInstance(), slow);
            scheduler.scheduleAtFixedRate(slow::requestOne, 1, 1, TimeUnit.SECONDS);
            Phase beside = measure(server, healthy, slowPhase, "slow consumer");
            Throwable slowFailure = slow.failure.get();
            return new Figures(alone, beside, slow.received.get(), slowFailure == null ? "" : slowFailure.toString());
        } finally {
            scheduler.shutdownNow();
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }

    private Phase measure(ServerProcess server, LagWatcher healthy, Duration length, String name)
            throws InterruptedException {
        healthy.lags.getIntervalHistogram(); // Starts the phase's histogram afresh.
        long receivedBefore = healthy.received.get();
        Samples samples = phase(server, length, name);
        Histogram lags = healthy.lags.getIntervalHistogram();
        double ratePerSecond = (healthy.received.get() - receivedBefore) / (length.toMillis() / 1000.0);
        return new Phase(lags, ratePerSecond, samples.heapBytes(), samples.maxBacklog());
    }

    /** Waits out {@code length}, sampling the server every {@link #sampleEvery}. */
    private Samples phase(ServerProcess server, Duration length, String name) throws InterruptedException {
        int count = (int) Math.max(1, length.toMillis() / sampleEvery.toMillis());
        CountDownLatch done = new CountDownLatch(count);
        List<Long> heap = new ArrayList<>();
        AtomicLong maxBacklog = new AtomicLong();
        ScheduledFuture<?> sampling = scheduler.scheduleAtFixedRate(
                () -> {
                    long heapBytes = ServerHeap.usedAfterFullGc(server.pid());
                    long backlog = backlog(server.uri());
                    synchronized (heap) {
                        heap.add(heapBytes);
                    }
                    maxBacklog.accumulateAndGet(backlog, Math::max);
                    progress.printf(
                            "%s: server heap after GC %.1f MiB, largest watcher backlog %d%n",
                            name, heapBytes / (1024.0 * 1024), backlog);
                    done.countDown();
                },
                sampleEvery.toMillis(),
                sampleEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            if (!done.await(length.toMillis() * 3 + 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + ": " + done.getCount() + " samples still missing");
            }
        } finally {
            sampling.cancel(false);
        }
        synchronized (heap) {
            return new Samples(List.copyOf(heap), maxBacklog.get());
        }
    }

    private long backlog(URI server) {
        try {
            String metrics = http.send(
                            HttpRequest.newBuilder(server.resolve("/internal/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher backlog = MAX_BACKLOG.matcher(metrics);
            if (!backlog.find()) {
                throw new IllegalStateException("no tickscope_price_max_backlog in " + server + "/internal/metrics");
            }
            return (long) Double.parseDouble(backlog.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + server + "/internal/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ManagedChannel channel(ServerProcess server, List<ManagedChannel> channels) {
        // Each watcher on a connection of its own, as separate clients would be.
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .build();
        channels.add(channel);
        return channel;
    }

    /** What one phase measured. */
    record Phase(Histogram lagMicros, double ratePerSecond, List<Long> heapBytes, long maxBacklog) {

        long p50LagMicros() {
            return lagMicros.getValueAtPercentile(50);
        }

        long p99LagMicros() {
            return lagMicros.getValueAtPercentile(99);
        }

        long maxHeapBytes() {
            return heapBytes.stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        String describe() {
            return String.format(
                    "healthy watcher %.0f changes/s, lag p50 %.1f / p99 %.1f / max %.1f ms; server heap after GC"
                            + " %.1f-%.1f MiB; largest backlog %d",
                    ratePerSecond,
                    lagMicros.getValueAtPercentile(50) / 1000.0,
                    lagMicros.getValueAtPercentile(99) / 1000.0,
                    lagMicros.getMaxValue() / 1000.0,
                    heapBytes.stream().mapToLong(Long::longValue).min().orElseThrow() / (1024.0 * 1024),
                    maxHeapBytes() / (1024.0 * 1024),
                    maxBacklog);
        }
    }

    /** The figures of a whole run. */
    record Figures(Phase baseline, Phase slowPhase, long slowMessagesRead, String slowFailure) {}

    private record Samples(List<Long> heapBytes, long maxBacklog) {}

    /** Reads everything at once and records each change's lag. */
    private static final class LagWatcher implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        final Recorder lags = new Recorder(3);
        final AtomicLong received = new AtomicLong();
        private final CountDownLatch firstChange = new CountDownLatch(1);

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {}

        @Override
        public void onNext(WatchPricesResponse update) {
            if (update.getKind() != PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE) {
                return; // A snapshot's event time is when the price last changed, not when it was sent.
            }
            Instant now = Instant.now();
            long lagMicros = (now.getEpochSecond() - update.getEventTime().getSeconds()) * 1_000_000
                    + (now.getNano() - update.getEventTime().getNanos()) / 1_000;
            lags.recordValue(Math.max(0, lagMicros));
            received.incrementAndGet();
            firstChange.countDown();
        }

        @Override
        public void onError(Throwable cause) {}

        @Override
        public void onCompleted() {}

        void awaitChanges() throws InterruptedException {
            if (!firstChange.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the healthy watcher got no change within 60 s");
            }
        }
    }

    /** Asks for one message a second and otherwise leaves everything in the transport. */
    private static final class SlowWatcher implements ClientResponseObserver<WatchPricesRequest, WatchPricesResponse> {

        final AtomicLong received = new AtomicLong();
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        private volatile @Nullable ClientCallStreamObserver<WatchPricesRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchPricesRequest> requestStream) {
            call = requestStream;
            requestStream.disableAutoRequestWithInitial(1);
        }

        @Override
        public void onNext(WatchPricesResponse update) {
            received.incrementAndGet();
        }

        @Override
        public void onError(Throwable cause) {
            failure.set(cause);
        }

        @Override
        public void onCompleted() {}

        void requestOne() {
            ClientCallStreamObserver<WatchPricesRequest> current = call;
            if (current != null) {
                current.request(1);
            }
        }
    }
}
