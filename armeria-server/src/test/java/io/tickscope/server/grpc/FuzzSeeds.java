package io.tickscope.server.grpc;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Timestamp;
import com.google.type.Money;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.SessionStart;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import io.tickscope.api.recommendation.v1.UserAction;
import io.tickscope.api.recommendation.v1.UserActionType;
import io.tickscope.api.user.v1.GetUserRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes the hand-made seeds of every fuzz test: valid requests the fuzzer can mutate into deep paths, and
 * nasty ones (limits, wrong types, overflows). Run it to regenerate them:
 * {@code java -cp <test class path> io.tickscope.server.grpc.FuzzSeeds src/test/resources}. Findings are
 * added next to them by hand, named {@code crash-*}.
 */
final class FuzzSeeds {

    private static final String PACKAGE_PATH = "io/tickscope/server/grpc";
    private static final String LONG_ID = "P" + "0".repeat(64);
    private static final Timestamp NEXT_YEAR = Timestamp.newBuilder()
            .setSeconds(Instant.now().plusSeconds(365L * 24 * 3600).getEpochSecond())
            .build();

    private final Path resources;

    private FuzzSeeds(Path resources) {
        this.resources = resources;
    }

    public static void main(String[] args) throws IOException {
        FuzzSeeds seeds = new FuzzSeeds(Path.of(args[0]));
        seeds.pricing();
        seeds.recommendation();
        seeds.user();
    }

    private void pricing() throws IOException {
        String test = "PricingFuzzTest";
        unary(test, "getPrice", "valid", getPrice("P00042", "EUR", CustomerSegment.CUSTOMER_SEGMENT_VIP));
        unary(
                test,
                "getPrice",
                "valid-jpy-wholesale",
                getPrice("P00001", "JPY", CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE));
        unary(
                test,
                "getPrice",
                "unknown-product",
                getPrice("P99999", "", CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED));
        unary(
                test,
                "getPrice",
                "unsupported-currency",
                getPrice("P00042", "CHF", CustomerSegment.CUSTOMER_SEGMENT_VIP));
        unary(
                test,
                "getPrice",
                "currency-without-minor-unit",
                getPrice("P00042", "XAU", CustomerSegment.CUSTOMER_SEGMENT_VIP));
        unary(test, "getPrice", "lower-case-currency", getPrice("P00042", "usd", CustomerSegment.CUSTOMER_SEGMENT_VIP));
        unary(test, "getPrice", "id-too-long", getPrice(LONG_ID, "USD", CustomerSegment.CUSTOMER_SEGMENT_STANDARD));
        unary(
                test,
                "getPrice",
                "id-unicode",
                getPrice("P\u00e9\u0000\ud83d\ude00", "USD", CustomerSegment.CUSTOMER_SEGMENT_STANDARD));
        unary(
                test,
                "getPrice",
                "unknown-segment",
                GetPriceRequest.newBuilder()
                        .setProductId("P00042")
                        .setCustomerSegmentValue(-7)
                        .build());

        unary(test, "getPricesBatch", "valid", batch(List.of("P00042", "P00001", "P99999", "bad id"), "GBP"));
        unary(test, "getPricesBatch", "limit", batch(productIds(1_000), "USD"));
        unary(test, "getPricesBatch", "over-limit", batch(productIds(1_001), "USD"));
        unary(test, "getPricesBatch", "empty", batch(List.of(), "USD"));
        unary(test, "getPricesBatch", "duplicates", batch(List.of("P00042", "P00042", ""), "JPY"));
        unary(test, "getPricesBatch", "unsupported-currency", batch(List.of("P00042"), "XXX"));

        unary(test, "watchPrices", "all", WatchPricesRequest.getDefaultInstance());
        unary(
                test,
                "watchPrices",
                "some",
                WatchPricesRequest.newBuilder()
                        .addAllProductIds(List.of("P00042", "P00001", "P99999", ""))
                        .setCurrencyCode("EUR")
                        .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                        .build());
        unary(
                test,
                "watchPrices",
                "over-limit",
                WatchPricesRequest.newBuilder()
                        .addAllProductIds(productIds(10_001))
                        .build());
        unary(
                test,
                "watchPrices",
                "bad-currency-and-segment",
                WatchPricesRequest.newBuilder()
                        .setCurrencyCode("EURO")
                        .setCustomerSegmentValue(42)
                        .build());

        stream(
                test,
                "publishPrices",
                "valid",
                true,
                publish("P00001", money("USD", 12, 340_000_000), 0, null),
                publish("P00002", money("EUR", 7, 0), 1_500, NEXT_YEAR),
                publish("P00003", money("GBP", 0, 990_000_000), 0, null),
                publish("P00004", money("JPY", 1_200, 0), 9_000, NEXT_YEAR));
        stream(
                test,
                "publishPrices",
                "bad-changes",
                true,
                publish("P00001", money("USD", -5, 0), 0, null),
                publish("P00001", money("USD", 5, 1), 0, null),
                publish("P00001", money("USD", 5, -10_000_000), 0, null),
                publish("P00001", money("XAU", 5, 0), 0, null),
                publish("P00001", money("usd", 5, 0), 0, null),
                publish("P00001", null, 0, null),
                publish("P00001", money("USD", 5, 0), 9_001, NEXT_YEAR),
                publish("P00001", money("USD", 5, 0), 100, null),
                publish(
                        "P00001",
                        money("USD", 5, 0),
                        100,
                        Timestamp.newBuilder().setSeconds(1).build()),
                publish("P99999", money("USD", 5, 0), 0, null));
        stream(
                test,
                "publishPrices",
                "extreme-values",
                true,
                publish("P00001", money("USD", Long.MAX_VALUE, 999_999_999), 0, null),
                publish("P00002", money("EUR", Long.MAX_VALUE / 100, 0), 0, null),
                publish(
                        "P00003",
                        money("GBP", 1, 0),
                        1,
                        Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build()),
                publish("P00004", money("JPY", Long.MIN_VALUE, 0), Integer.MIN_VALUE, NEXT_YEAR));
        stream(test, "publishPrices", "cancelled", false, publish("P00001", money("USD", 10, 0), 0, null));
    }

    private void recommendation() throws IOException {
        String test = "RecommendationFuzzTest";
        unary(test, "recommend", "valid", recommend("U0042", BookCategory.BOOK_CATEGORY_UNSPECIFIED, 0));
        unary(test, "recommend", "valid-category", recommend("U0001", BookCategory.BOOK_CATEGORY_SCIENCE, 100));
        unary(test, "recommend", "unknown-user", recommend("U9999", BookCategory.BOOK_CATEGORY_FICTION, 5));
        unary(test, "recommend", "over-limit", recommend("U0042", BookCategory.BOOK_CATEGORY_FICTION, 101));
        unary(test, "recommend", "negative", recommend("U0042", BookCategory.BOOK_CATEGORY_FICTION, -1));
        unary(
                test,
                "recommend",
                "unknown-category",
                RecommendRequest.newBuilder()
                        .setUserId("U0042")
                        .setCategoryValue(99)
                        .build());

        unary(
                test,
                "getBook",
                "valid",
                GetBookRequest.newBuilder().setBookId("B0042").build());
        unary(
                test,
                "getBook",
                "unknown",
                GetBookRequest.newBuilder().setBookId("B9999").build());
        unary(
                test,
                "getBook",
                "malformed",
                GetBookRequest.newBuilder().setBookId("B 42/..").build());

        unary(test, "listBooks", "all", ListBooksRequest.getDefaultInstance());
        unary(
                test,
                "listBooks",
                "category",
                ListBooksRequest.newBuilder()
                        .setCategory(BookCategory.BOOK_CATEGORY_BIOGRAPHY)
                        .build());
        unary(
                test,
                "listBooks",
                "unknown-category",
                ListBooksRequest.newBuilder().setCategoryValue(-3).build());

        stream(
                test,
                "uploadBookRatings",
                "valid",
                true,
                rating("U0042", "B0001", 5),
                rating("U0042", "B0002", 1),
                rating("U0043", "B0001", 3),
                rating("U0042", "B0001", 4));
        stream(
                test,
                "uploadBookRatings",
                "bad-ratings",
                true,
                rating("U0042", "B0001", 0),
                rating("U0042", "B0001", 6),
                rating("U9999", "B0001", 3),
                rating("U0042", "B9999", 3),
                rating("", "", Integer.MIN_VALUE));
        stream(test, "uploadBookRatings", "cancelled", false, rating("U0042", "B0003", 2));

        stream(
                test,
                "recommendationSession",
                "every-action",
                true,
                start("U0042", BookCategory.BOOK_CATEGORY_UNSPECIFIED, 5),
                action("B0001", UserActionType.USER_ACTION_TYPE_VIEWED, 0),
                action("B0002", UserActionType.USER_ACTION_TYPE_LIKED, 0),
                action("B0003", UserActionType.USER_ACTION_TYPE_RATED, 4),
                action("B0004", UserActionType.USER_ACTION_TYPE_ADDED_TO_CART, 0),
                action("B0005", UserActionType.USER_ACTION_TYPE_DISMISSED, 0),
                action("B0006", UserActionType.USER_ACTION_TYPE_UNSPECIFIED, 0));
        stream(
                test,
                "recommendationSession",
                "bad-actions",
                true,
                start("U0001", BookCategory.BOOK_CATEGORY_HISTORY, 100),
                action("B9999", UserActionType.USER_ACTION_TYPE_LIKED, 0),
                action("B0001", UserActionType.USER_ACTION_TYPE_RATED, 6),
                action("B0001", UserActionType.USER_ACTION_TYPE_RATED, -1),
                RecommendationSessionRequest.newBuilder()
                        .setAction(UserAction.newBuilder().setBookId("B0001").setTypeValue(77))
                        .build(),
                action("", UserActionType.USER_ACTION_TYPE_VIEWED, 0));
        stream(
                test,
                "recommendationSession",
                "action-before-start",
                true,
                action("B0001", UserActionType.USER_ACTION_TYPE_LIKED, 0));
        stream(
                test,
                "recommendationSession",
                "start-twice",
                true,
                start("U0042", BookCategory.BOOK_CATEGORY_UNSPECIFIED, 0),
                start("U0042", BookCategory.BOOK_CATEGORY_UNSPECIFIED, 0));
        stream(test, "recommendationSession", "empty-event", true, RecommendationSessionRequest.getDefaultInstance());
        stream(
                test,
                "recommendationSession",
                "unknown-user-cancelled",
                false,
                start("U9999", BookCategory.BOOK_CATEGORY_FICTION, 3));
    }

    private void user() throws IOException {
        String test = "UserFuzzTest";
        unary(
                test,
                "getUser",
                "valid",
                GetUserRequest.newBuilder().setUserId("U0042").build());
        unary(
                test,
                "getUser",
                "unknown",
                GetUserRequest.newBuilder().setUserId("U9999").build());
        unary(test, "getUser", "empty", GetUserRequest.getDefaultInstance());
        unary(
                test,
                "getUser",
                "too-long",
                GetUserRequest.newBuilder().setUserId(LONG_ID).build());
    }

    private void unary(String test, String method, String name, MessageLite request) throws IOException {
        write(test, method, name, request.toByteArray());
    }

    /** Writes a stream seed in {@link FuzzInputs#sendStream}'s layout. */
    private void stream(String test, String method, String name, boolean completes, MessageLite... requests)
            throws IOException {
        ByteArrayOutputStream front = new ByteArrayOutputStream();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        back.write(completes ? 1 : 0);
        for (MessageLite request : requests) {
            byte[] encoded = request.toByteArray();
            if (encoded.length > FuzzInputs.MAX_MESSAGE_BYTES) {
                throw new IllegalArgumentException("message: " + encoded.length + " bytes (expected: at most "
                        + FuzzInputs.MAX_MESSAGE_BYTES + ")");
            }
            front.write(encoded);
            // Read from the end, high byte first.
            back.write(encoded.length >>> 8);
            back.write(encoded.length & 0xFF);
        }
        byte[] tail = back.toByteArray();
        byte[] reversedTail = new byte[tail.length];
        for (int i = 0; i < tail.length; i++) {
            reversedTail[i] = tail[tail.length - 1 - i];
        }
        ByteArrayOutputStream seed = new ByteArrayOutputStream();
        seed.write(front.toByteArray());
        seed.write(reversedTail);
        write(test, method, name, seed.toByteArray());
    }

    private void write(String test, String method, String name, byte[] content) throws IOException {
        Path directory =
                resources.resolve(PACKAGE_PATH).resolve(test + "Inputs").resolve(method);
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), content);
    }

    private static GetPriceRequest getPrice(String productId, String currency, CustomerSegment segment) {
        return GetPriceRequest.newBuilder()
                .setProductId(productId)
                .setCurrencyCode(currency)
                .setCustomerSegment(segment)
                .build();
    }

    private static GetPricesBatchRequest batch(List<String> productIds, String currency) {
        return GetPricesBatchRequest.newBuilder()
                .addAllProductIds(productIds)
                .setCurrencyCode(currency)
                .build();
    }

    private static List<String> productIds(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(number -> String.format("P%05d", number))
                .toList();
    }

    private static Money money(String currency, long units, int nanos) {
        return Money.newBuilder()
                .setCurrencyCode(currency)
                .setUnits(units)
                .setNanos(nanos)
                .build();
    }

    private static PublishPricesRequest publish(
            String productId, @Nullable Money basePrice, int saleBasisPoints, @Nullable Timestamp saleEnd) {
        PublishPricesRequest.Builder request =
                PublishPricesRequest.newBuilder().setProductId(productId).setSaleDiscountBasisPoints(saleBasisPoints);
        if (basePrice != null) {
            request.setBasePrice(basePrice);
        }
        if (saleEnd != null) {
            request.setSaleEndTime(saleEnd);
        }
        return request.build();
    }

    private static RecommendRequest recommend(String userId, BookCategory category, int maxResults) {
        return RecommendRequest.newBuilder()
                .setUserId(userId)
                .setCategory(category)
                .setMaxResults(maxResults)
                .build();
    }

    private static UploadBookRatingsRequest rating(String userId, String bookId, int stars) {
        return UploadBookRatingsRequest.newBuilder()
                .setUserId(userId)
                .setBookId(bookId)
                .setRating(stars)
                .build();
    }

    private static RecommendationSessionRequest start(String userId, BookCategory category, int maxResults) {
        return RecommendationSessionRequest.newBuilder()
                .setStart(SessionStart.newBuilder()
                        .setUserId(userId)
                        .setCategory(category)
                        .setMaxResults(maxResults))
                .build();
    }

    private static RecommendationSessionRequest action(String bookId, UserActionType type, int rating) {
        return RecommendationSessionRequest.newBuilder()
                .setAction(
                        UserAction.newBuilder().setBookId(bookId).setType(type).setRating(rating))
                .build();
    }
}
