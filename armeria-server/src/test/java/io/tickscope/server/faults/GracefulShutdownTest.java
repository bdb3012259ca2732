package io.tickscope.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.RecordingObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop under load: unary calls in flight when the stop begins all finish, and every live stream ends
 * with UNAVAILABLE, the status that tells a client to reconnect.
 */
class GracefulShutdownTest {

    private static final int UNARY_CALLS = 1_000;
    private static final int STREAMS = 50;
    // Heavy enough that most calls are still running on the server when the stop begins.
    private static final int PRODUCTS_PER_BATCH = 200;

    @TempDir
    Path dataDirectory;

    private final List<ManagedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void stopFinishesEveryUnaryCallInFlightAndEndsEveryStreamWithUnavailable() throws Exception {
        TickscopeServer server = TickscopeServer.start(new ServerSettings(
                "127.0.0.1", 0, dataDirectory, 1_000, ServerSettings.DEFAULT_SEED, Duration.ofSeconds(30)));
        ManagedChannel channel = channel(server.port());
        PricingServiceGrpc.PricingServiceStub async = PricingServiceGrpc.newStub(channel);

        List<RecordingObserver<WatchPricesResponse>> streams = IntStream.range(0, STREAMS)
                .mapToObj(i -> {
                    RecordingObserver<WatchPricesResponse> stream = new RecordingObserver<>();
                    async.watchPrices(
                            WatchPricesRequest.newBuilder()
                                    .addProductIds(String.format("P%05d", i + 1))
                                    .build(),
                            stream);
                    return stream;
                })
                .toList();
        await().until(() -> streams.stream().allMatch(stream -> !stream.values().isEmpty()));

        PricingServiceGrpc.PricingServiceFutureStub unary =
                PricingServiceGrpc.newFutureStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        GetPricesBatchRequest batch = GetPricesBatchRequest.newBuilder()
                .addAllProductIds(IntStream.rangeClosed(1, PRODUCTS_PER_BATCH)
                        .mapToObj(i -> String.format("P%05d", i))
                        .toList())
                .build();
        List<ListenableFuture<GetPricesBatchResponse>> calls = IntStream.range(0, UNARY_CALLS)
                .mapToObj(i -> unary.getPricesBatch(batch))
                .toList();
        long finishedBeforeStop =
                calls.stream().filter(ListenableFuture::isDone).count();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);

        List<Throwable> failures = new ArrayList<>();
        for (ListenableFuture<GetPricesBatchResponse> call : calls) {
            try {
                assertThat(call.get(60, TimeUnit.SECONDS).getResultsCount()).isEqualTo(PRODUCTS_PER_BATCH);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        stopped.get(60, TimeUnit.SECONDS);

        System.out.printf(
                "GracefulShutdownTest: %d of %d unary calls in flight when the stop began%n",
                UNARY_CALLS - finishedBeforeStop, UNARY_CALLS);
        assertThat(finishedBeforeStop).isLessThan(UNARY_CALLS / 2);
        assertThat(failures).isEmpty();
        for (RecordingObserver<WatchPricesResponse> stream : streams) {
            assertThat(Status.fromThrowable(stream.error().get(10, TimeUnit.SECONDS))
                            .getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    private ManagedChannel channel(int port) {
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        channels.add(channel);
        return channel;
    }
}
