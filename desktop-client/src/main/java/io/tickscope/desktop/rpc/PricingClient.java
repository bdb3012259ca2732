package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.desktop.connection.ConnectionMonitor;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pricing service as the desktop uses it: batches as futures, watches as listeners that resubscribe by
 * themselves. It takes the application's channel and never owns it; every unary call carries a deadline.
 */
public final class PricingClient {

    /** How long a unary call may take before it fails with DEADLINE_EXCEEDED. */
    public static final Duration UNARY_DEADLINE = Duration.ofSeconds(5);
    /** The most products one batch call may quote, as the server allows. */
    public static final int MAX_BATCH_SIZE = 1_000;

    private final PricingServiceStub stub;
    private final ConnectionMonitor connection;
    private final ScheduledExecutorService scheduler;

    /**
     * Creates a client over {@code channel}, whose state {@code connection} follows; watches schedule their
     * resubscriptions on {@code scheduler}.
     */
    public PricingClient(Channel channel, ConnectionMonitor connection, ScheduledExecutorService scheduler) {
        this.stub = PricingServiceGrpc.newStub(requireNonNull(channel, "channel"));
        this.connection = requireNonNull(connection, "connection");
        this.scheduler = requireNonNull(scheduler, "scheduler");
    }

    /**
     * Quotes {@code productIds} (1 to {@value #MAX_BATCH_SIZE}) in one call; unknown products come back as
     * results with an error. The future fails with the call's status, which {@link RpcErrors#describe} makes
     * readable.
     */
    public CompletableFuture<List<QuoteResult>> getPrices(List<String> productIds, Currency currency, Segment segment) {
        if (productIds.isEmpty() || productIds.size() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "productIds: " + productIds.size() + " ids (expected: 1 to " + MAX_BATCH_SIZE + ")");
        }
        GetPricesBatchRequest request = GetPricesBatchRequest.newBuilder()
                .addAllProductIds(productIds)
                .setCurrencyCode(currency.getCurrencyCode())
                .setCustomerSegment(segment.toProto())
                .build();
        CompletableFuture<GetPricesBatchResponse> response = new CompletableFuture<>();
        stub.withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .getPricesBatch(request, completing(response));
        return response.thenApply(batch ->
                batch.getResultsList().stream().map(PricingMessages::fromProto).toList());
    }

    /**
     * Opens one stream for every product of {@code request}; {@code listener} hears the current prices, then
     * each change, on gRPC threads, until the returned watch is closed.
     */
    public PriceWatch watch(WatchRequest request, PriceWatchListener listener) {
        WatchPricesRequest message = WatchPricesRequest.newBuilder()
                .addAllProductIds(request.productIds())
                .setCurrencyCode(request.currency().getCurrencyCode())
                .setCustomerSegment(request.segment().toProto())
                .build();
        return PriceWatch.open(stub, message, listener, scheduler, Resubscriber.BACKOFF, connection);
    }

    private static <T> StreamObserver<T> completing(CompletableFuture<T> future) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                future.complete(value);
            }

            @Override
            public void onError(Throwable failure) {
                future.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                // The single response already completed the future.
            }
        };
    }
}
