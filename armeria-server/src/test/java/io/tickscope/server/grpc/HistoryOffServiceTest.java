package io.tickscope.server.grpc;

import static io.tickscope.server.grpc.StatusAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import io.grpc.Status;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceHistoryRequest;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.backend.Backend;
import io.tickscope.shared.time.InstantProtos;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server started with {@code --history off} stores no price change: its prices and streams work, and every call
 * that needs history answers FAILED_PRECONDITION saying so, on gRPC and on the REST routes alike.
 */
class HistoryOffServiceTest {

    private static final String HISTORY_OFF = "price history is off on this server";

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(100, Backend.NO_HISTORY);

    private final PricingServiceBlockingStub pricing = server.stub(PricingServiceBlockingStub.class);
    private final BlockingWebClient http = BlockingWebClient.of(server.httpUri());

    @Test
    void noHistoryWriterRunsAndNothingIsRecorded() {
        assertThat(server.backend().historyWriter()).isEmpty();
        assertThat(server.backend().priceHistory().isStored()).isFalse();
    }

    @Test
    void historyAndBarsAnswerFailedPreconditionSayingHistoryIsOff() {
        Timestamp start = InstantProtos.toProto(Instant.now().minusSeconds(60));

        var history = failsWith(
                Status.Code.FAILED_PRECONDITION,
                () -> pricing.getPriceHistory(GetPriceHistoryRequest.newBuilder()
                        .setProductId("P00001")
                        .setStartTime(start)
                        .build()));
        var bars = failsWith(
                Status.Code.FAILED_PRECONDITION,
                () -> pricing.getPriceBars(GetPriceBarsRequest.newBuilder()
                        .setProductId("P00001")
                        .setResolution(PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE)
                        .setStartTime(start)
                        .build()));

        assertThat(history.getStatus().getDescription()).contains(HISTORY_OFF).contains("--history off");
        assertThat(bars.getStatus().getDescription()).contains(HISTORY_OFF);
    }

    @Test
    void aWatchThatAsksForAReplayIsRefusedAndAPlainWatchStreams() {
        Timestamp since = InstantProtos.toProto(Instant.now().minusSeconds(60));
        Iterator<WatchPricesResponse> replaying = pricing.watchPrices(WatchPricesRequest.newBuilder()
                .addProductIds("P00002")
                .setReplaySince(since)
                .build());
        var refused = failsWith(Status.Code.FAILED_PRECONDITION, replaying::hasNext);

        Iterator<WatchPricesResponse> plain = pricing.withDeadlineAfter(10, TimeUnit.SECONDS)
                .watchPrices(
                        WatchPricesRequest.newBuilder().addProductIds("P00002").build());

        assertThat(refused.getStatus().getDescription()).contains(HISTORY_OFF);
        assertThat(plain.next().getKind()).isEqualTo(PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT);
    }

    @Test
    void restRoutesAnswerTheSameStatusAndMessage() {
        String since = Instant.now().minusSeconds(60).toString();

        AggregatedHttpResponse history = http.get("/v1/prices/P00003/history?start_time=" + since);
        AggregatedHttpResponse bars =
                http.get("/v1/prices/P00003/bars?resolution=PRICE_BAR_RESOLUTION_ONE_MINUTE&start_time=" + since);

        for (AggregatedHttpResponse response : new AggregatedHttpResponse[] {history, bars}) {
            assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.contentUtf8())
                    .contains("\"grpc-code\":\"FAILED_PRECONDITION\"")
                    .contains(HISTORY_OFF);
        }
    }
}
