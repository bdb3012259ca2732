package io.tickscope.bench.cluster;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.bench.load.LatencySummary;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.time.Duration;
import java.util.Currency;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long a published price takes to reach a watcher: one change at a time is published on one server's
 * PublishPrices stream and timed until a watcher of that product, on the same server or another replica, receives
 * it. One at a time, at a fixed pace, with the market stopped: each change is the only one in flight, so the
 * figure is the path's latency, not a queue's.
 */
final class DeliveryLag {

    private static final String PRODUCT = "P00001";
    private static final Duration PACE = Duration.ofMillis(4);
    private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(5);

    private DeliveryLag() {}

    /**
     * Publishes {@code warmUp + samples} changes through {@code publisher} and returns the latencies of the last
     * {@code samples} from the publish to their arrival at a watcher on {@code watcher}.
     */
    static LatencySummary measure(ServerLaunch publisher, ServerLaunch watcher, int warmUp, int samples)
            throws InterruptedException {
        ManagedChannel publishing = Channels.to(publisher);
        ManagedChannel watching = Channels.to(watcher);
        try {
            Currency currency = Currency.getInstance(PricingServiceGrpc.newBlockingStub(publishing)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getPrice(GetPriceRequest.newBuilder().setProductId(PRODUCT).build())
                    .getQuote()
                    .getListingCurrencyCode());
            BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            Arrivals watch = new Arrivals(arrivals);
            PricingServiceGrpc.newStub(watching)
                    .watchPrices(
                            WatchPricesRequest.newBuilder()
                                    .addProductIds(PRODUCT)
                                    .build(),
                            watch);
            Acknowledgement acknowledgement = new Acknowledgement();
            StreamObserver<PublishPricesRequest> publish =
                    PricingServiceGrpc.newStub(publishing).publishPrices(acknowledgement);
            if (!watch.snapshotReceived.await(UPDATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "the watcher on " + watcher.name() + " received no snapshot within " + UPDATE_TIMEOUT);
            }
            // A first change that may equal the current price, then one that differs from it: after these, every
            // change alternates between two prices and so is a change.
            publish.onNext(change(currency, 1_003));
            publish.onNext(change(currency, 1_001));
            Thread.sleep(1_000);
            arrivals.clear();
            Histogram lags = new Histogram(3);
            for (int i = 0; i < warmUp + samples; i++) {
                long sentAt = System.nanoTime();
                publish.onNext(change(currency, i % 2 == 0 ? 1_002 : 1_001));
                Long arrivedAt = arrivals.poll(UPDATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (arrivedAt == null) {
                    publish.onCompleted();
                    throw new IllegalStateException("change " + i + " published on " + publisher.name()
                            + " did not reach the watcher on " + watcher.name() + " within " + UPDATE_TIMEOUT
                            + "; the publish stream's outcome: " + acknowledgement.outcome());
                }
                if (i >= warmUp) {
                    lags.recordValue(arrivedAt - sentAt);
                }
                LockSupport.parkNanos(sentAt + PACE.toNanos() - System.nanoTime());
            }
            publish.onCompleted();
            PublishPricesResponse summary = acknowledgement.response();
            if (summary.getAcceptedCount() != warmUp + samples + 2) {
                throw new IllegalStateException("the server accepted " + summary.getAcceptedCount() + " of "
                        + (warmUp + samples + 2) + " changes: " + summary);
            }
            watch.end("measured");
            return LatencySummary.ofNanos(lags);
        } finally {
            Channels.close(publishing);
            Channels.close(watching);
        }
    }

    private static PublishPricesRequest change(Currency currency, long minorUnits) {
        return PublishPricesRequest.newBuilder()
                .setProductId(PRODUCT)
                .setBasePrice(MoneyProtos.toProto(new Amount(currency, minorUnits)))
                .build();
    }

    /** Timestamps each change the watcher receives; the starting snapshot is not one. */
    private static final class Arrivals extends EndableWatch {

        private final BlockingQueue<Long> arrivals;
        private final CountDownLatch snapshotReceived = new CountDownLatch(1);

        Arrivals(BlockingQueue<Long> arrivals) {
            super("the timed watch");
            this.arrivals = arrivals;
        }

        @Override
        public void onNext(WatchPricesResponse update) {
            if (update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE) {
                arrivals.add(System.nanoTime());
            } else {
                snapshotReceived.countDown();
            }
        }
    }

    /** The publish stream's one answer, at its end. */
    private static final class Acknowledgement implements StreamObserver<PublishPricesResponse> {

        private final CompletableFuture<PublishPricesResponse> response = new CompletableFuture<>();

        @Override
        public void onNext(PublishPricesResponse summary) {
            response.complete(summary);
        }

        @Override
        public void onError(Throwable cause) {
            response.completeExceptionally(cause);
        }

        @Override
        public void onCompleted() {}

        PublishPricesResponse response() {
            try {
                return response.get(UPDATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the publish stream's summary: " + e.getMessage(), e);
            }
        }

        String outcome() {
            try {
                return response().toString().replace('\n', ' ');
            } catch (IllegalStateException e) {
                return String.valueOf(e.getMessage());
            }
        }
    }
}
