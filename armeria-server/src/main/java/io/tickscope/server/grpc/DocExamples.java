package io.tickscope.server.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Money;
import com.linecorp.armeria.server.docs.DocServiceBuilder;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceHistoryRequest;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.PriceBarEncoding;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.WatchPriceBatchesRequest;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.user.v1.GetUserRequest;
import io.tickscope.api.user.v1.UserServiceGrpc;
import io.tickscope.shared.time.InstantProtos;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An example request for every method, so that DocService's console opens ready to send. */
final class DocExamples {

    private DocExamples() {}

    /**
     * Adds the examples to {@code docs}. Example requests are fixed JSON, so the history examples start at the
     * hour {@code serverStart} falls in: on a server that has run for a while they read from its oldest kept
     * history (retention prunes what is older), and their pages are long enough to reach the present: hour bars
     * (1,000 hours a page) and minute bars in minor units (10,000 minutes a page). WatchPrices replays at most
     * 24 hours and GetPriceHistory reads at most 31 days, so on a server up longer than that their examples
     * need a later time, which the refusal names.
     */
    static DocServiceBuilder addTo(DocServiceBuilder docs, Instant serverStart) {
        Timestamp historyStart = InstantProtos.toProto(serverStart.truncatedTo(ChronoUnit.HOURS));
        String pricing = PricingServiceGrpc.SERVICE_NAME;
        String recommendation = RecommendationServiceGrpc.SERVICE_NAME;
        return docs.exampleRequests(
                        pricing,
                        "GetPrice",
                        GetPriceRequest.newBuilder()
                                .setProductId("P00042")
                                .setCurrencyCode("EUR")
                                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                                .build())
                .exampleRequests(
                        pricing,
                        "GetPricesBatch",
                        GetPricesBatchRequest.newBuilder()
                                .addProductIds("P00001")
                                .addProductIds("P00002")
                                .addProductIds("P99999")
                                .setCurrencyCode("USD")
                                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE)
                                .build())
                .exampleRequests(
                        pricing,
                        "WatchPrices",
                        WatchPricesRequest.newBuilder()
                                .addProductIds("P00001")
                                .addProductIds("P00042")
                                .setCurrencyCode("GBP")
                                .build())
                .exampleRequests(
                        pricing,
                        "WatchPriceBatches",
                        WatchPriceBatchesRequest.newBuilder()
                                .setWatch(WatchPricesRequest.newBuilder().setCurrencyCode("EUR"))
                                .build())
                .exampleRequests(
                        pricing,
                        "PublishPrices",
                        PublishPricesRequest.newBuilder()
                                .setProductId("P00042")
                                .setBasePrice(Money.newBuilder()
                                        .setCurrencyCode("USD")
                                        .setUnits(19)
                                        .setNanos(990_000_000))
                                .build())
                .exampleRequests(
                        pricing,
                        "GetPriceHistory",
                        GetPriceHistoryRequest.newBuilder()
                                .setProductId("P00042")
                                .setStartTime(historyStart)
                                .setCurrencyCode("EUR")
                                .setPageSize(100)
                                .build())
                .exampleRequests(
                        pricing,
                        "GetPriceBars",
                        GetPriceBarsRequest.newBuilder()
                                .setProductId("P00042")
                                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_HOUR)
                                .setStartTime(historyStart)
                                .setCurrencyCode("EUR")
                                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                                .build(),
                        GetPriceBarsRequest.newBuilder()
                                .setProductId("P00042")
                                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE)
                                .setStartTime(historyStart)
                                .setCurrencyCode("EUR")
                                .setEncoding(PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS)
                                .setPageSize(10_000)
                                .build())
                .exampleRequests(
                        pricing,
                        "WatchPrices",
                        WatchPricesRequest.newBuilder()
                                .addProductIds("P00042")
                                .setCurrencyCode("EUR")
                                .setReplaySince(historyStart)
                                .build())
                .exampleRequests(
                        recommendation,
                        "Recommend",
                        RecommendRequest.newBuilder()
                                .setUserId("U0042")
                                .setCategory(BookCategory.BOOK_CATEGORY_SCIENCE)
                                .setMaxResults(5)
                                .build())
                .exampleRequests(
                        recommendation,
                        "GetBook",
                        GetBookRequest.newBuilder().setBookId("B0042").build())
                .exampleRequests(
                        recommendation,
                        "ListBooks",
                        ListBooksRequest.newBuilder()
                                .setCategory(BookCategory.BOOK_CATEGORY_HISTORY)
                                .build())
                .exampleRequests(
                        recommendation,
                        "UploadBookRatings",
                        UploadBookRatingsRequest.newBuilder()
                                .setUserId("U0042")
                                .setBookId("B0042")
                                .setRating(5)
                                .setIdempotencyKey("5f0c2a9e-1b7d-4e53-9a61-0c8f3d2b7e14")
                                .build())
                .exampleRequests(
                        recommendation,
                        "RecommendationSession",
                        RecommendationSessionRequest.newBuilder()
                                .setStart(SessionStart.newBuilder()
                                        .setUserId("U0042")
                                        .setMaxResults(5))
                                .build())
                .exampleRequests(
                        UserServiceGrpc.SERVICE_NAME,
                        "GetUser",
                        GetUserRequest.newBuilder().setUserId("U0042").build());
    }
}
