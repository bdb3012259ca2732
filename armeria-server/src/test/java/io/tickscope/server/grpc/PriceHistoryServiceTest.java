package io.tickscope.server.grpc;

import static io.tickscope.server.grpc.StatusAssertions.failsWith;
import static io.tickscope.server.grpc.StatusAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import com.google.type.Money;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.GetPriceHistoryRequest;
import io.tickscope.api.pricing.v1.GetPriceHistoryResponse;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.MinorUnitPriceBar;
import io.tickscope.api.pricing.v1.PriceBar;
import io.tickscope.api.pricing.v1.PriceBarEncoding;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.api.pricing.v1.PriceTick;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.testing.RecordingObserver;
import io.tickscope.shared.time.InstantProtos;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetPriceHistory, GetPriceBars and WatchPrices' replay against a real server on a loopback port: prices change
 * only through a feeder (PublishPrices), so every stored change is known. Each test uses products of its own.
 */
class PriceHistoryServiceTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    private final PricingServiceBlockingStub pricing = server.stub(PricingServiceBlockingStub.class);
    private final PricingServiceStub async = server.stub(PricingServiceStub.class);
    private final BlockingWebClient http = BlockingWebClient.of(server.httpUri());

    @Test
    void historyPagesHoldEveryChangeOnceInOrder() throws Exception {
        Timestamp start = now();
        publish("P00007", 250);

        List<PriceTick> paged = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = "";
        do {
            GetPriceHistoryResponse page = pricing.getPriceHistory(historyOf("P00007", start)
                    .setPageSize(100)
                    .setPageToken(token)
                    .build());
            paged.addAll(page.getTicksList());
            token = page.getNextPageToken();
            tokens.add(token);
        } while (!token.isEmpty());
        GetPriceHistoryResponse whole = pricing.getPriceHistory(
                historyOf("P00007", start).setPageSize(1_000).build());

        assertThat(tokens).hasSize(3);
        assertThat(paged).isEqualTo(whole.getTicksList());
        assertThat(paged).extracting(PriceTick::getSequenceNumber).containsExactlyElementsOf(range(2, 251));
        assertThat(whole.getNextPageToken()).isEmpty();
        assertThat(paged.get(249).getQuote().getDiscountedPrice())
                .isEqualTo(pricing.getPrice(GetPriceRequest.newBuilder()
                                .setProductId("P00007")
                                .setCurrencyCode("EUR")
                                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                                .build())
                        .getQuote()
                        .getDiscountedPrice());
    }

    @Test
    void barsOverTheWireEqualWhatTheTicksGive() throws Exception {
        Timestamp start = now();
        publish("P00008", 300);

        List<PriceTick> ticks = pricing.getPriceHistory(
                        historyOf("P00008", start).setPageSize(1_000).build())
                .getTicksList();
        GetPriceBarsResponse bars = pricing.getPriceBars(GetPriceBarsRequest.newBuilder()
                .setProductId("P00008")
                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_SECOND)
                .setStartTime(start)
                .setCurrencyCode("EUR")
                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                .build());
        GetPriceBarsResponse day = pricing.getPriceBars(GetPriceBarsRequest.newBuilder()
                .setProductId("P00008")
                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_DAY)
                .setStartTime(start)
                .setCurrencyCode("EUR")
                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                .build());

        assertThat(bars.getBarsList()).isEqualTo(secondBarsOf(ticks));
        assertThat(day.getBarsList()).extracting(PriceBar::getTickCount).containsExactly(300L);
        assertThat(day.getBars(0).getClose())
                .isEqualTo(ticks.get(299).getQuote().getDiscountedPrice());
    }

    @Test
    void minorUnitBarsAreTheMoneyBarsInALeanerEncoding() throws Exception {
        Timestamp start = now();
        publish("P00014", 200);

        for (PriceBarResolution resolution : List.of(
                PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_SECOND,
                PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE,
                PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_DAY)) {
            for (String currency : List.of("EUR", "JPY")) {
                GetPriceBarsRequest.Builder request = barsOf("P00014", start)
                        .setResolution(resolution)
                        .setCurrencyCode(currency)
                        .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP);
                GetPriceBarsResponse money = pricing.getPriceBars(request.build());
                GetPriceBarsResponse minorUnits =
                        pricing.getPriceBars(request.setEncoding(PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS)
                                .build());

                assertThat(money.getBarsList())
                        .as("%s bars in %s", resolution, currency)
                        .isNotEmpty();
                assertThat(minorUnits.getBarsList()).isEmpty();
                assertThat(minorUnits.getCurrencyCode()).isEqualTo(currency);
                assertThat(minorUnits.getMinorUnitDigits()).isEqualTo(currency.equals("JPY") ? 0 : 2);
                assertThat(minorUnits.getMinorUnitBarsList())
                        .as("%s bars in %s", resolution, currency)
                        .isEqualTo(inMinorUnits(money.getBarsList(), minorUnits.getMinorUnitDigits()));
                for (PriceBar bar : money.getBarsList()) {
                    assertThat(bar.getEndTime().getSeconds()
                                    - bar.getStartTime().getSeconds())
                            .isEqualTo(minorUnits.getBucketSeconds());
                }
            }
        }
    }

    @Test
    void minorUnitPagesCoverUpTo100000BucketsWithoutOverflowingTheRange() throws Exception {
        Timestamp start = now();
        publish("P00015", 3);
        Timestamp longAgo = InstantProtos.toProto(Instant.now().minus(Duration.ofDays(400)));

        GetPriceBarsResponse days = pricing.getPriceBars(barsOf("P00015", longAgo)
                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_DAY)
                .setEncoding(PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS)
                .setPageSize(100_000)
                .build());

        assertThat(days.getNextPageToken()).isEmpty();
        assertThat(days.getBucketSeconds()).isEqualTo(86_400);
        assertThat(days.getMinorUnitBarsList())
                .allSatisfy(
                        bar -> assertThat(bar.getStartTimeSeconds() % 86_400).isZero())
                .allSatisfy(bar -> assertThat(bar.getStartTimeSeconds()).isGreaterThan(start.getSeconds() - 86_400));
        assertThat(days.getMinorUnitBarsList().stream()
                        .mapToLong(MinorUnitPriceBar::getTickCount)
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void watchReplaysHistoryThenGoesLiveWithNoHoleAndNoDuplicateAtTheSeam() throws Exception {
        Timestamp start = now();
        AtomicBoolean feeding = new AtomicBoolean(true);
        String currency11 = listingCurrencyOf("P00011");
        String currency12 = listingCurrencyOf("P00012");
        RecordingObserver<PublishPricesResponse> summary = new RecordingObserver<>();
        StreamObserver<PublishPricesRequest> feed = async.publishPrices(summary);
        // One feeder stream changes both products about a thousand times a second, before and during the watch.
        Thread feeder = new Thread(() -> {
            for (int i = 0; feeding.get(); i++) {
                feed.onNext(change("P00011", currency11, i));
                feed.onNext(change("P00012", currency12, i));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            feed.onCompleted();
        });
        feeder.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            pricing.getPriceHistory(historyOf("P00012", start).build())
                                            .getTicksCount()
                                    >= 100);
            RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
            async.watchPrices(
                    WatchPricesRequest.newBuilder()
                            .addProductIds("P00011")
                            .addProductIds("P00012")
                            .setReplaySince(start)
                            .build(),
                    watch);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> watch.error().isDone()
                            || watch.values().stream()
                                            .filter(update ->
                                                    update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
                                            .count()
                                    >= 100);
            assertThat(watch.error()).as("the watch's failure").isNotDone();
            watch.cancel();

            for (String productId : List.of("P00011", "P00012")) {
                List<WatchPricesResponse> updates = watch.values().stream()
                        .filter(update -> update.getQuote().getProductId().equals(productId))
                        .toList();
                assertSeam(productId, updates, start);
            }
        } finally {
            feeding.set(false);
            feeder.join(TimeUnit.SECONDS.toMillis(60));
        }
        summary.completed().get(60, TimeUnit.SECONDS);
        assertThat(summary.values())
                .singleElement()
                .extracting(PublishPricesResponse::getRejectedCount)
                .isEqualTo(0L);
    }

    @Test
    void badHistoryRequestsNameTheFieldAndWhatIsExpected() {
        Timestamp start = now();
        Timestamp earlier = InstantProtos.toProto(Instant.now().minus(Duration.ofHours(1)));

        failsWith(
                Status.Code.NOT_FOUND,
                () -> pricing.getPriceHistory(historyOf("P99999", start).build()));
        failsWith(
                Status.Code.NOT_FOUND,
                () -> pricing.getPriceBars(barsOf("P99999", start).build()));
        assertViolation(
                () -> pricing.getPriceHistory(
                        historyOf("P00001", start).setEndTime(earlier).build()),
                "end_time",
                "expected: after start_time");
        assertViolation(
                () -> pricing.getPriceHistory(GetPriceHistoryRequest.newBuilder()
                        .setProductId("P00001")
                        .setStartTime(InstantProtos.toProto(Instant.now().minus(Duration.ofDays(40))))
                        .build()),
                "end_time",
                "at most 31 days");
        assertViolation(
                () -> pricing.getPriceBars(
                        barsOf("P00001", InstantProtos.toProto(Instant.now().minus(Duration.ofDays(10))))
                                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_SECOND)
                                .build()),
                "end_time",
                "at most 600000 buckets");
        assertViolation(
                () -> pricing.getPriceBars(barsOf("P00001", start)
                        .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_UNSPECIFIED)
                        .build()),
                "resolution",
                "PRICE_BAR_RESOLUTION_ONE_SECOND");
        assertViolation(
                () -> pricing.getPriceHistory(
                        historyOf("P00001", start).setPageToken("not a token!").build()),
                "page_token",
                "is not a page token");
        assertViolation(
                () -> pricing.getPriceHistory(
                        historyOf("P00001", start).setPageSize(20_000).build()),
                "page_size",
                "expected: 1 to 10000");
        assertViolation(
                () -> pricing.getPriceBars(barsOf("P00001", start)
                        .setEncoding(PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS)
                        .setPageSize(100_001)
                        .build()),
                "page_size",
                "expected: 1 to 100000");
        assertViolation(
                () -> pricing.getPriceBars(
                        barsOf("P00001", start).setEncodingValue(7).build()),
                "encoding",
                "PRICE_BAR_ENCODING_MINOR_UNITS");
        assertViolation(
                () -> pricing.getPriceHistory(
                        historyOf("P00001", start).clearStartTime().build()),
                "start_time",
                "not set");
    }

    @Test
    void aPageTokenOfAnotherProductIsRefused() throws Exception {
        Timestamp start = now();
        publish("P00009", 3);
        String token = pricing.getPriceHistory(
                        historyOf("P00009", start).setPageSize(1).build())
                .getNextPageToken();

        assertThat(token).isNotEmpty();
        assertViolation(
                () -> pricing.getPriceHistory(
                        historyOf("P00010", start).setPageToken(token).build()),
                "page_token",
                "belongs to another request");
    }

    @Test
    void replayTooFarBackIsRefusedWithWhatToUseInstead() {
        RecordingObserver<WatchPricesResponse> watch = new RecordingObserver<>();
        async.watchPrices(
                WatchPricesRequest.newBuilder()
                        .addProductIds("P00001")
                        .setReplaySince(InstantProtos.toProto(Instant.now().minus(Duration.ofDays(2))))
                        .build(),
                watch);

        Throwable failure = watch.error().orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOf(StatusRuntimeException.class);
        StatusRuntimeException status = (StatusRuntimeException) failure;
        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fieldViolations(status)).anySatisfy(violation -> {
            assertThat(violation.getField()).isEqualTo("replay_since");
            assertThat(violation.getDescription())
                    .contains("at most 24 hours ago")
                    .contains("GetPriceHistory");
        });
    }

    @Test
    void restRoutesServeHistoryAndBarsAndTheirErrors() throws Exception {
        Timestamp start = now();
        publish("P00013", 5);
        String since = InstantProtos.fromProto(start).toString();

        AggregatedHttpResponse history = http.get("/v1/prices/P00013/history?start_time=" + since + "&page_size=2");
        AggregatedHttpResponse bars = http.get("/v1/prices/P00013/bars?resolution=PRICE_BAR_RESOLUTION_ONE_MINUTE"
                + "&currency_code=GBP&start_time=" + since);
        AggregatedHttpResponse minorUnits = http.get("/v1/prices/P00013/bars?resolution=PRICE_BAR_RESOLUTION_ONE_HOUR"
                + "&encoding=PRICE_BAR_ENCODING_MINOR_UNITS&page_size=100000&currency_code=JPY&start_time=" + since);
        AggregatedHttpResponse noResolution = http.get("/v1/prices/P00013/bars?start_time=" + since);
        AggregatedHttpResponse unknown = http.get("/v1/prices/P99999/history?start_time=" + since);

        assertThat(history.status()).isEqualTo(HttpStatus.OK);
        assertThat(history.contentUtf8()).contains("\"sequenceNumber\"").contains("\"nextPageToken\"");
        assertThat(bars.status()).isEqualTo(HttpStatus.OK);
        assertThat(bars.contentUtf8()).contains("\"tickCount\"").contains("\"currencyCode\":\"GBP\"");
        assertThat(minorUnits.status()).isEqualTo(HttpStatus.OK);
        assertThat(minorUnits.contentUtf8())
                .contains("\"minorUnitBars\"")
                .contains("\"closeMinorUnits\"")
                .contains("\"currencyCode\":\"JPY\"")
                .doesNotContain("\"bars\"");
        assertThat(noResolution.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noResolution.contentUtf8())
                .contains("\"grpc-code\":\"INVALID_ARGUMENT\"")
                .contains("\"field\":\"resolution\"");
        assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.contentUtf8()).contains("product not found");
    }

    /**
     * Replayed changes are every stored change since {@code start} up to just below the snapshot, in order and
     * without a gap; the snapshot follows them; live changes follow it, each above the one before.
     */
    private void assertSeam(String productId, List<WatchPricesResponse> updates, Timestamp start) {
        List<Long> replayed = sequencesOf(updates, PriceUpdateKind.PRICE_UPDATE_KIND_REPLAY);
        List<Long> snapshots = sequencesOf(updates, PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT);
        List<Long> changes = sequencesOf(updates, PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE);
        assertThat(snapshots).as("snapshots of %s", productId).hasSize(1);
        long snapshot = snapshots.get(0);
        assertThat(replayed).as("replayed changes of %s", productId).hasSizeGreaterThanOrEqualTo(100);
        assertThat(replayed).containsExactlyElementsOf(range(2, snapshot - 1));
        assertThat(changes).isNotEmpty().isSorted().doesNotHaveDuplicates().allMatch(number -> number > snapshot);
        int snapshotAt = updates.indexOf(updates.stream()
                .filter(update -> update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT)
                .findFirst()
                .orElseThrow());
        assertThat(updates.subList(0, snapshotAt))
                .allMatch(update -> update.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_REPLAY);
        List<Long> stored =
                pricing
                        .getPriceHistory(
                                historyOf(productId, start).setPageSize(10_000).build())
                        .getTicksList()
                        .stream()
                        .map(PriceTick::getSequenceNumber)
                        .filter(number -> number < snapshot)
                        .toList();
        assertThat(replayed).isEqualTo(stored);
    }

    private static List<Long> sequencesOf(List<WatchPricesResponse> updates, PriceUpdateKind kind) {
        return updates.stream()
                .filter(update -> update.getKind() == kind)
                .map(WatchPricesResponse::getSequenceNumber)
                .toList();
    }

    private static void assertViolation(ThrowingCallable call, String field, String text) {
        StatusRuntimeException failure = failsWith(Status.Code.INVALID_ARGUMENT, call);
        assertThat(fieldViolations(failure)).anySatisfy(violation -> {
            assertThat(violation.getField()).isEqualTo(field);
            assertThat(violation.getDescription()).contains(text);
        });
    }

    /** Publishes {@code count} new prices of {@code productId} through one feeder stream and waits for its summary. */
    private void publish(String productId, int count) throws Exception {
        String currency = listingCurrencyOf(productId);
        RecordingObserver<PublishPricesResponse> summary = new RecordingObserver<>();
        StreamObserver<PublishPricesRequest> feeder = async.publishPrices(summary);
        for (int i = 0; i < count; i++) {
            feeder.onNext(change(productId, currency, i));
        }
        feeder.onCompleted();
        summary.completed().get(60, TimeUnit.SECONDS);
        assertThat(summary.values())
                .singleElement()
                .extracting(PublishPricesResponse::getAcceptedCount)
                .isEqualTo((long) count);
    }

    private String listingCurrencyOf(String productId) {
        return pricing.getPrice(
                        GetPriceRequest.newBuilder().setProductId(productId).build())
                .getQuote()
                .getListingCurrencyCode();
    }

    /** A new base price of {@code productId}, in whole units so that it suits every listing currency. */
    private static PublishPricesRequest change(String productId, String currency, int i) {
        return PublishPricesRequest.newBuilder()
                .setProductId(productId)
                .setBasePrice(Money.newBuilder().setCurrencyCode(currency).setUnits(100 + i % 37))
                .build();
    }

    private static GetPriceHistoryRequest.Builder historyOf(String productId, Timestamp start) {
        return GetPriceHistoryRequest.newBuilder()
                .setProductId(productId)
                .setStartTime(start)
                .setCurrencyCode("EUR")
                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP);
    }

    private static GetPriceBarsRequest.Builder barsOf(String productId, Timestamp start) {
        return GetPriceBarsRequest.newBuilder()
                .setProductId(productId)
                .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE)
                .setStartTime(start);
    }

    /** The second bars of {@code ticks}, computed here from their quotes. */
    private static List<PriceBar> secondBarsOf(List<PriceTick> ticks) {
        Map<Long, List<PriceTick>> bySecond = ticks.stream()
                .collect(Collectors.groupingBy(
                        tick -> tick.getEventTime().getSeconds(), TreeMap::new, Collectors.toList()));
        List<PriceBar> bars = new ArrayList<>();
        bySecond.forEach((second, of) -> {
            List<Money> prices = of.stream()
                    .map(tick -> tick.getQuote().getDiscountedPrice())
                    .toList();
            bars.add(PriceBar.newBuilder()
                    .setStartTime(Timestamp.newBuilder().setSeconds(second))
                    .setEndTime(Timestamp.newBuilder().setSeconds(second + 1))
                    .setOpen(prices.get(0))
                    .setHigh(prices.stream()
                            .max(PriceHistoryServiceTest::compare)
                            .orElseThrow())
                    .setLow(prices.stream()
                            .min(PriceHistoryServiceTest::compare)
                            .orElseThrow())
                    .setClose(prices.get(prices.size() - 1))
                    .setTickCount(prices.size())
                    .build());
        });
        return bars;
    }

    /** {@code bars} as minor-unit bars of a currency with {@code digits} decimal places. */
    private static List<MinorUnitPriceBar> inMinorUnits(List<PriceBar> bars, int digits) {
        return bars.stream()
                .map(bar -> MinorUnitPriceBar.newBuilder()
                        .setStartTimeSeconds(bar.getStartTime().getSeconds())
                        .setOpenMinorUnits(minorUnits(bar.getOpen(), digits))
                        .setHighMinorUnits(minorUnits(bar.getHigh(), digits))
                        .setLowMinorUnits(minorUnits(bar.getLow(), digits))
                        .setCloseMinorUnits(minorUnits(bar.getClose(), digits))
                        .setTickCount(bar.getTickCount())
                        .build())
                .toList();
    }

    private static long minorUnits(Money money, int digits) {
        return BigDecimal.valueOf(money.getUnits())
                .add(BigDecimal.valueOf(money.getNanos(), 9))
                .movePointRight(digits)
                .longValueExact();
    }

    private static int compare(Money a, Money b) {
        return a.getUnits() != b.getUnits()
                ? Long.compare(a.getUnits(), b.getUnits())
                : Integer.compare(a.getNanos(), b.getNanos());
    }

    private static List<Long> range(long first, long last) {
        List<Long> numbers = new ArrayList<>();
        for (long number = first; number <= last; number++) {
            numbers.add(number);
        }
        return numbers;
    }

    /** A second ago: the start of a range that holds every change the test makes from now on. */
    private static Timestamp now() {
        return InstantProtos.toProto(Instant.now().minusSeconds(1));
    }
}
