package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.GetPriceHistoryRequest;
import io.tickscope.api.pricing.v1.GetPriceHistoryResponse;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.WatchPriceBatchesRequest;
import io.tickscope.api.pricing.v1.WatchPriceBatchesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.pricing.ProductStore;
import io.tickscope.server.pricing.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Serves {@code tickscope.pricing.v1.PricingService} from the price book and its bus. */
final class PricingGrpcService extends PricingServiceGrpc.PricingServiceImplBase {

    static final int MAX_BATCH_SIZE = 1_000;
    static final int MAX_WATCHED_PRODUCTS = 10_000;
    static final Duration MAX_REPLAY_AGE = Duration.ofHours(24);

    private final PriceBook priceBook;
    private final ProductStore products;
    private final LiveStreams liveStreams;
    private final PriceHistory history;
    private final HistoryCalls historyCalls;

    PricingGrpcService(PriceBook priceBook, ProductStore products, PriceHistory history, LiveStreams liveStreams) {
        this.priceBook = requireNonNull(priceBook, "priceBook");
        this.products = requireNonNull(products, "products");
        this.history = requireNonNull(history, "history");
        this.liveStreams = requireNonNull(liveStreams, "liveStreams");
        historyCalls = new HistoryCalls(priceBook, history);
    }

    @Override
    public void getPrice(GetPriceRequest request, StreamObserver<GetPriceResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        Identifiers.check(violations, "product_id", request.getProductId(), "P00042");
        Currency currency = Currencies.parse(request.getCurrencyCode(), violations, "currency_code");
        Segment segment = Segments.fromProto(request.getCustomerSegmentValue(), violations, "customer_segment");
        violations.throwIfAny();
        responseObserver.onNext(GetPriceResponse.newBuilder()
                .setQuote(PricingMessages.toProto(priceBook.quote(request.getProductId(), currency, segment)))
                .build());
        responseObserver.onCompleted();
    }

    @Override
    public void getPricesBatch(GetPricesBatchRequest request, StreamObserver<GetPricesBatchResponse> responseObserver) {
        RequestViolations violations = new RequestViolations();
        int size = request.getProductIdsCount();
        if (size == 0 || size > MAX_BATCH_SIZE) {
            violations.add("product_ids", size + " ids (expected: 1 to " + MAX_BATCH_SIZE + ')');
        }
        Currency currency = Currencies.parse(request.getCurrencyCode(), violations, "currency_code");
        Segment segment = Segments.fromProto(request.getCustomerSegmentValue(), violations, "customer_segment");
        violations.throwIfAny();
        priceBook.requireSupported(currency);

        GetPricesBatchResponse.Builder response = GetPricesBatchResponse.newBuilder();
        for (String productId : request.getProductIdsList()) {
            PriceResult.Builder result = response.addResultsBuilder().setProductId(productId);
            if (priceBook.contains(productId)) {
                result.setQuote(PricingMessages.toProto(priceBook.quote(productId, currency, segment)));
            } else {
                result.setError(com.google.rpc.Status.newBuilder()
                        .setCode(Code.NOT_FOUND_VALUE)
                        .setMessage(new NotFoundException("product", productId).getMessage()));
            }
        }
        responseObserver.onNext(response.build());
        responseObserver.onCompleted();
    }

    @Override
    public void watchPrices(WatchPricesRequest request, StreamObserver<WatchPricesResponse> responseObserver) {
        watch(request, new RequestViolations(), (ServerCallStreamObserver<WatchPricesResponse>) responseObserver);
    }

    @Override
    public void watchPriceBatches(
            WatchPriceBatchesRequest request, StreamObserver<WatchPriceBatchesResponse> responseObserver) {
        ServerCallStreamObserver<WatchPriceBatchesResponse> call =
                (ServerCallStreamObserver<WatchPriceBatchesResponse>) responseObserver;
        watch(request.getWatch(), RequestViolations.inField("watch"), new UpdateBatches(call));
    }

    /** Validates {@code request}, naming bad fields through {@code violations}, and opens the watch on {@code call}. */
    private void watch(
            WatchPricesRequest request,
            RequestViolations violations,
            ServerCallStreamObserver<WatchPricesResponse> call) {
        List<String> ids = request.getProductIdsList();
        if (ids.size() > MAX_WATCHED_PRODUCTS) {
            violations.add(
                    "product_ids",
                    ids.size() + " ids (expected: at most " + MAX_WATCHED_PRODUCTS + ", or none for all)");
        }
        Currency currency = Currencies.parse(request.getCurrencyCode(), violations, "currency_code");
        Segment segment = Segments.fromProto(request.getCustomerSegmentValue(), violations, "customer_segment");
        @Nullable Long replaySince = request.hasReplaySince() ? replaySince(request, violations) : null;
        violations.throwIfAny();
        priceBook.requireSupported(currency);
        if (replaySince != null) {
            history.requireStored();
        }
        Set<String> watched = new LinkedHashSet<>(ids);
        Function<PriceUpdate, WatchPricesResponse> toMessage = update -> PricingMessages.toProto(
                update, priceBook.quote(update.listing(), currency, segment), priceBook.incarnation());
        @Nullable
        SeamReplay replay = replaySince == null
                ? null
                : new SeamReplay(
                        history,
                        replaySince,
                        watched.isEmpty() ? priceBook.productIds().size() : watched.size(),
                        tick -> HistoryMessages.toReplayProto(tick, history.quote(tick, currency, segment)),
                        toMessage,
                        call);
        WatchStream.open(priceBook, watched, toMessage, call, liveStreams, replay);
    }

    @Override
    public void getPriceHistory(
            GetPriceHistoryRequest request, StreamObserver<GetPriceHistoryResponse> responseObserver) {
        historyCalls.getPriceHistory(request, responseObserver);
    }

    @Override
    public void getPriceBars(GetPriceBarsRequest request, StreamObserver<GetPriceBarsResponse> responseObserver) {
        historyCalls.getPriceBars(request, responseObserver);
    }

    private @Nullable Long replaySince(WatchPricesRequest request, RequestViolations violations) {
        @Nullable Long since = HistoryCalls.nanos(request.getReplaySince(), "replay_since", violations);
        Instant earliest = priceBook.clock().instant().minus(MAX_REPLAY_AGE);
        if (since != null && since < Nanos.of(earliest)) {
            violations.add(
                    "replay_since",
                    Nanos.toInstant(since) + " (expected: at most 24 hours ago, after " + earliest
                            + "; GetPriceHistory and GetPriceBars page through older history)");
        }
        return since;
    }

    @Override
    public StreamObserver<PublishPricesRequest> publishPrices(StreamObserver<PublishPricesResponse> responseObserver) {
        return new PublishStream(priceBook, products, responseObserver);
    }
}
