package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.shared.money.MoneyProtos;
import io.tickscope.shared.time.InstantProtos;
import io.tickscope.shared.wire.GrpcFraming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prices many products at once, three ways: one GetPricesBatch call, or N GetPrice calls one after another
 * or all at once. Each way is timed from its first call's start to its last call's end and counts the bytes
 * of its messages, so the ways can be compared live. Every call carries a deadline.
 */
public final class BatchPricingClient {

    /** How long one call may take before it fails with DEADLINE_EXCEEDED. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    private final PricingServiceStub stub;
    private final Duration deadline;

    /** Calls over {@code channel}, which the caller owns, with the {@linkplain #DEFAULT_DEADLINE default deadline}. */
    public BatchPricingClient(Channel channel) {
        this(channel, DEFAULT_DEADLINE);
    }

    public BatchPricingClient(Channel channel, Duration deadline) {
        this.stub = PricingServiceGrpc.newStub(requireNonNull(channel, "channel"));
        this.deadline = requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline: " + deadline + " (expected: > 0)");
        }
    }

    /**
     * Looks up {@code lookup} the given way. A product the server cannot price gets a row with the reason;
     * the future fails only when a GetPricesBatch call as a whole fails. It completes on a gRPC thread.
     */
    public CompletableFuture<LookupResult> lookUp(PriceLookup lookup, LookupWay way) {
        requireNonNull(lookup, "lookup");
        switch (requireNonNull(way, "way")) {
            case ONE_BATCH:
                return inOneBatch(lookup);
            case UNARY_SEQUENTIAL:
                return oneAfterAnother(lookup);
            case UNARY_CONCURRENT:
                return allAtOnce(lookup);
        }
        throw new AssertionError(way);
    }

    private CompletableFuture<LookupResult> inOneBatch(PriceLookup lookup) {
        GetPricesBatchRequest request = GetPricesBatchRequest.newBuilder()
                .addAllProductIds(lookup.productIds())
                .setCurrencyCode(lookup.currencyCode())
                .setCustomerSegment(lookup.segment().toProto())
                .build();
        long startNanos = System.nanoTime();
        return UnaryCalls.<GetPricesBatchRequest, GetPricesBatchResponse>call(stub()::getPricesBatch, request)
                .thenApply(response -> new LookupResult(
                        LookupWay.ONE_BATCH,
                        rowsOf(response),
                        1,
                        0,
                        since(startNanos),
                        GrpcFraming.messageBytes(request) + (long) GrpcFraming.messageBytes(response)));
    }

    private CompletableFuture<LookupResult> oneAfterAnother(PriceLookup lookup) {
        long startNanos = System.nanoTime();
        CompletableFuture<List<UnaryOutcome>> outcomes = CompletableFuture.completedFuture(
                new ArrayList<>(lookup.productIds().size()));
        for (String productId : lookup.productIds()) {
            outcomes = outcomes.thenCompose(done -> priceOf(productId, lookup).thenApply(outcome -> {
                done.add(outcome);
                return done;
            }));
        }
        return outcomes.thenApply(done -> summarise(LookupWay.UNARY_SEQUENTIAL, done, startNanos));
    }

    private CompletableFuture<LookupResult> allAtOnce(PriceLookup lookup) {
        long startNanos = System.nanoTime();
        List<CompletableFuture<UnaryOutcome>> calls =
                new ArrayList<>(lookup.productIds().size());
        for (String productId : lookup.productIds()) {
            calls.add(priceOf(productId, lookup));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture<?>[]::new))
                .thenApply(allDone -> {
                    List<UnaryOutcome> done = new ArrayList<>(calls.size());
                    calls.forEach(call -> done.add(call.join()));
                    return summarise(LookupWay.UNARY_CONCURRENT, done, startNanos);
                });
    }

    /** Prices one product; never fails: a failed call becomes a row that says why. */
    private CompletableFuture<UnaryOutcome> priceOf(String productId, PriceLookup lookup) {
        GetPriceRequest request = GetPriceRequest.newBuilder()
                .setProductId(productId)
                .setCurrencyCode(lookup.currencyCode())
                .setCustomerSegment(lookup.segment().toProto())
                .build();
        int requestBytes = GrpcFraming.messageBytes(request);
        return UnaryCalls.<GetPriceRequest, GetPriceResponse>call(stub()::getPrice, request)
                .handle((response, failure) -> failure == null
                        ? new UnaryOutcome(
                                rowOf(response.getQuote()), requestBytes + GrpcFraming.messageBytes(response), true)
                        : new UnaryOutcome(
                                PriceRow.failed(productId, CallErrors.describe(failure)), requestBytes, false));
    }

    private static LookupResult summarise(LookupWay way, List<UnaryOutcome> outcomes, long startNanos) {
        Duration wallTime = since(startNanos);
        List<PriceRow> rows = new ArrayList<>(outcomes.size());
        long bytes = 0;
        int failed = 0;
        for (UnaryOutcome outcome : outcomes) {
            rows.add(outcome.row());
            bytes += outcome.bytes();
            failed += outcome.ok() ? 0 : 1;
        }
        return new LookupResult(way, rows, outcomes.size(), failed, wallTime, bytes);
    }

    private PricingServiceStub stub() {
        // The deadline is an instant: each call takes a fresh one.
        return stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static List<PriceRow> rowsOf(GetPricesBatchResponse response) {
        List<PriceRow> rows = new ArrayList<>(response.getResultsCount());
        for (PriceResult result : response.getResultsList()) {
            rows.add(
                    result.hasQuote()
                            ? rowOf(result.getQuote())
                            : PriceRow.failed(result.getProductId(), CallErrors.describe(result.getError())));
        }
        return rows;
    }

    private static PriceRow rowOf(PriceQuote quote) {
        return new PriceRow(
                quote.getProductId(),
                quote.getProductName(),
                MoneyProtos.fromProto(quote.getBasePrice()),
                MoneyProtos.fromProto(quote.getDiscountedPrice()),
                quote.getOnSale(),
                quote.hasSaleEndTime() ? InstantProtos.fromProto(quote.getSaleEndTime()) : null,
                null);
    }

    /** One GetPrice call's row, bytes and whether it succeeded. */
    private record UnaryOutcome(PriceRow row, long bytes, boolean ok) {}
}
