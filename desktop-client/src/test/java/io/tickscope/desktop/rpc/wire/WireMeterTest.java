package io.tickscope.desktop.rpc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.shared.time.InstantProtos;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WireMeterTest {

    private static final String GET_PRICE = "tickscope.pricing.v1.PricingService/GetPrice";
    private static final String WATCH_PRICES = "tickscope.pricing.v1.PricingService/WatchPrices";
    private static final GetPriceRequest REQUEST =
            GetPriceRequest.newBuilder().setProductId("P00042").build();
    private static final String REQUEST_JSON = "{\"productId\":\"P00042\"}";
    private static final GetPriceResponse RESPONSE = GetPriceResponse.newBuilder()
            .setQuote(PriceQuote.newBuilder().setProductId("P00042").setProductName("Walnut desk"))
            .build();

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final WireMeter meter = new WireMeter(clock::get);

    @Test
    void countsMessagesAndBytesPerCallMethodAndType() {
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
        call.requestSent(REQUEST);
        call.responseReceived(RESPONSE);

        WireSnapshot snapshot = meter.snapshot();

        int requestBytes = REQUEST.getSerializedSize() + GrpcFraming.MESSAGE_PREFIX_BYTES;
        int responseBytes = RESPONSE.getSerializedSize() + GrpcFraming.MESSAGE_PREFIX_BYTES;
        assertThat(requestBytes).isEqualTo(8 + 5);
        assertThat(snapshot.activeCalls())
                .singleElement()
                .isEqualTo(new CallStats(
                        1,
                        GET_PRICE,
                        CallKind.UNARY,
                        1_000_000,
                        1,
                        1,
                        requestBytes,
                        responseBytes,
                        "",
                        0,
                        LatencyStats.NONE,
                        List.of()));
        assertThat(snapshot.methods()).singleElement().satisfies(method -> {
            assertThat(method.callsStarted()).isEqualTo(1);
            assertThat(method.callsActive()).isEqualTo(1);
            assertThat(method.messagesOut()).isEqualTo(1);
            assertThat(method.messagesIn()).isEqualTo(1);
            assertThat(method.bytesOut()).isEqualTo(requestBytes);
            assertThat(method.bytesIn()).isEqualTo(responseBytes);
        });
        assertThat(snapshot.messageTypes())
                .extracting(MessageTypeStats::typeName, MessageTypeStats::messages, MessageTypeStats::protobufBytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "tickscope.pricing.v1.GetPriceRequest", 1L, (long) REQUEST.getSerializedSize()),
                        org.assertj.core.groups.Tuple.tuple(
                                "tickscope.pricing.v1.GetPriceResponse", 1L, (long) RESPONSE.getSerializedSize()));
    }

    @Test
    void remembersWhichReplicaACallWentTo() {
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
        assertThat(meter.snapshot().activeCalls())
                .singleElement()
                .extracting(CallStats::replica)
                .isEqualTo("");

        call.connectedTo("10.0.0.5:8080");

        assertThat(meter.snapshot().activeCalls())
                .singleElement()
                .extracting(CallStats::replica)
                .isEqualTo("10.0.0.5:8080");
    }

    @Test
    void closedCallsLeaveTheCallsInFlightAndFailuresCount() {
        CallMeter first = meter.callStarted(GET_PRICE, CallKind.UNARY);
        CallMeter second = meter.callStarted(GET_PRICE, CallKind.UNARY);
        CallMeter third = meter.callStarted(GET_PRICE, CallKind.UNARY);

        first.closed(true);
        third.closed(false);

        WireSnapshot snapshot = meter.snapshot();
        assertThat(snapshot.activeCalls()).extracting(CallStats::callId).containsExactly(2L);
        MethodStats method = snapshot.methods().get(0);
        assertThat(method.callsStarted()).isEqualTo(3);
        assertThat(method.callsActive()).isEqualTo(1);
        assertThat(method.callsFailed()).isEqualTo(1);
        second.closed(true);
        assertThat(meter.snapshot().activeCalls()).isEmpty();
    }

    @Test
    void latencyRunsFromTheRequestToTheNextResponse() {
        for (int micros = 1; micros <= 100; micros++) {
            CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
            call.requestSent(REQUEST);
            clock.addAndGet(micros * 1_000L);
            call.responseReceived(RESPONSE);
            call.closed(true);
        }

        LatencyStats latency = meter.snapshot().methods().get(0).latency();

        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.p50Micros()).isCloseTo(50, within(1L));
        assertThat(latency.p99Micros()).isCloseTo(99, within(1L));
        assertThat(latency.maxMicros()).isCloseTo(100, within(1L));
    }

    @Test
    void aServerStreamMeasuresTimeToFirstMessageNotAReplyLatency() {
        CallMeter watch = meter.callStarted(WATCH_PRICES, CallKind.SERVER_STREAMING);
        watch.requestSent(REQUEST);
        clock.addAndGet(2_000_000);
        watch.responseReceived(RESPONSE);
        clock.addAndGet(9_000_000);
        watch.responseReceived(RESPONSE);
        watch.responseReceived(RESPONSE);

        WireSnapshot snapshot = meter.snapshot();
        MethodStats method = snapshot.methods().get(0);

        assertThat(method.messagesIn()).isEqualTo(3);
        assertThat(method.latency().count()).isZero();
        assertThat(method.firstMessage().count()).isEqualTo(1);
        assertThat(method.firstMessage().maxMicros()).isCloseTo(2_000, within(20L));
        assertThat(snapshot.activeCalls().get(0).firstMessageMicros()).isEqualTo(2_000);
    }

    @Test
    void deliveryLagRunsFromEachChangesEventTimeToItsReceiptAndLeavesSnapshotsOut() {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        WireMeter wallMeter = new WireMeter(clock::get, Clock.fixed(now, ZoneOffset.UTC));
        CallMeter watch = wallMeter.callStarted(WATCH_PRICES, CallKind.SERVER_STREAMING);
        watch.requestSent(REQUEST);
        // A snapshot carries when the price last changed, an hour ago: not a delivery lag.
        watch.responseReceived(update(PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT, now.minusSeconds(3_600)));
        for (int millis = 1; millis <= 100; millis++) {
            watch.responseReceived(update(PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE, now.minusMillis(millis)));
        }

        WireSnapshot snapshot = wallMeter.snapshot();
        LatencyStats method = snapshot.methods().get(0).deliveryLag();
        CallStats call = snapshot.activeCalls().get(0);

        assertThat(method.count()).isEqualTo(100);
        assertThat(method.p50Micros()).isCloseTo(50_000, within(500L));
        assertThat(method.p99Micros()).isCloseTo(99_000, within(1_000L));
        assertThat(call.deliveryLag()).isEqualTo(method);
        // Buckets under 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 ms and above; 1 % resolution at their edges.
        List<Long> histogram = call.deliveryLagHistogram();
        assertThat(histogram).hasSize(11);
        assertThat(histogram.stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        assertThat(histogram.get(0)).isZero();
        assertThat(histogram.get(4)).isCloseTo(10, within(1L));
        assertThat(histogram.get(5)).isCloseTo(30, within(1L));
        assertThat(histogram.subList(8, 11)).containsOnly(0L);
    }

    private static WatchPricesResponse update(PriceUpdateKind kind, Instant eventTime) {
        return WatchPricesResponse.newBuilder()
                .setQuote(PriceQuote.newBuilder().setProductId("P00042"))
                .setKind(kind)
                .setEventTime(InstantProtos.toProto(eventTime))
                .build();
    }

    @Test
    void latenciesAccumulateAcrossSnapshots() {
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
        call.requestSent(REQUEST);
        call.responseReceived(RESPONSE);
        meter.snapshot();
        call.requestSent(REQUEST);
        call.responseReceived(RESPONSE);

        assertThat(meter.snapshot().methods().get(0).latency().count()).isEqualTo(2);
    }

    @Test
    void jsonSizeIsMeasuredOnTheSameMessageAsProtobuf() {
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
        call.requestSent(REQUEST);

        MessageTypeStats request = meter.snapshot().messageTypes().get(0);

        assertThat(request.sampledMessages()).isEqualTo(1);
        assertThat(request.sampledProtobufBytes()).isEqualTo(8);
        assertThat(request.sampledJsonBytes()).isEqualTo(REQUEST_JSON.length());
        assertThat(request.jsonToProtobufRatio()).isEqualTo(REQUEST_JSON.length() / 8.0);
    }

    @Test
    void eachSnapshotSamplesOnlyTheLatestMessageOfEachType() {
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);
        call.requestSent(GetPriceRequest.newBuilder().setProductId("P1").build());
        call.requestSent(GetPriceRequest.newBuilder().setProductId("P22").build());
        call.requestSent(REQUEST);

        MessageTypeStats first = meter.snapshot().messageTypes().get(0);
        MessageTypeStats second = meter.snapshot().messageTypes().get(0);

        assertThat(first.messages()).isEqualTo(3);
        assertThat(first.sampledMessages()).isEqualTo(1);
        assertThat(first.sampledJsonBytes()).isEqualTo(REQUEST_JSON.length());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void errorDetailsEncodeAsJsonButAnUnknownAnyIsNotSampled() {
        Status withDetails = Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(
                                BadRequest.FieldViolation.newBuilder().setField("product_id"))
                        .build()))
                .build();
        Status withUnknownDetails =
                Status.newBuilder().addDetails(Any.pack(REQUEST)).build();
        CallMeter call = meter.callStarted(GET_PRICE, CallKind.UNARY);

        call.responseReceived(withDetails);
        assertThat(meter.snapshot().messageTypes().get(0).sampledMessages()).isEqualTo(1);
        call.responseReceived(withUnknownDetails);
        MessageTypeStats status = meter.snapshot().messageTypes().get(0);

        assertThat(status.messages()).isEqualTo(2);
        assertThat(status.sampledMessages()).isEqualTo(1);
    }

    @Test
    void countsStayExactWhenManyThreadsRecordAtOnce() {
        WireMeter shared = new WireMeter();
        int threads = 4;
        int messagesPerThread = 20_000;
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        IntStream.range(0, threads)
                .forEach(thread -> writers.add(CompletableFuture.runAsync(() -> {
                    CallMeter call = shared.callStarted(WATCH_PRICES, CallKind.SERVER_STREAMING);
                    call.requestSent(REQUEST);
                    for (int i = 0; i < messagesPerThread; i++) {
                        call.responseReceived(RESPONSE);
                    }
                    call.closed(true);
                })));
        writers.forEach(CompletableFuture::join);

        WireSnapshot snapshot = shared.snapshot();

        MethodStats method = snapshot.methods().get(0);
        assertThat(method.callsStarted()).isEqualTo(threads);
        assertThat(method.callsActive()).isZero();
        assertThat(method.messagesIn()).isEqualTo((long) threads * messagesPerThread);
        assertThat(method.bytesIn()).isEqualTo((long) threads * messagesPerThread * GrpcFraming.messageBytes(RESPONSE));
        assertThat(snapshot.activeCalls()).isEmpty();
    }
}
