package io.tickscope.server.limits;

import static io.tickscope.server.limits.MessageLimitsTest.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Empty;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deadline cap, the metadata limit, a compression bomb and the keepalive policy. */
class CallLimitsTest {

    private static final Duration DEADLINE_CAP = Duration.ofMillis(500);

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(
            ServerLimits.defaults().toBuilder().maxClientDeadline(DEADLINE_CAP).build(), HangingService.definition());

    @Test
    void unaryDeadlineLongerThanTheCapIsClamped() {
        Channel channel = GrpcClients.builder(server.httpUri())
                .responseTimeout(Duration.ZERO)
                .build(PricingServiceBlockingStub.class)
                .getChannel();
        long start = System.nanoTime();

        failsWith(
                Status.Code.DEADLINE_EXCEEDED,
                () -> ClientCalls.blockingUnaryCall(
                        channel,
                        HangingService.HANG,
                        CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.HOURS),
                        Empty.getDefaultInstance()));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed).isBetween(DEADLINE_CAP, DEADLINE_CAP.multipliedBy(10));
    }

    @Test
    void oversizedMetadataIsRefused() {
        PricingServiceBlockingStub pricing = GrpcClients.builder(server.httpUri())
                .addHeader("x-padding", "a".repeat(10_000))
                .build(PricingServiceBlockingStub.class);

        StatusRuntimeException failure = failsWith(
                Status.Code.RESOURCE_EXHAUSTED,
                () -> pricing.getPrice(
                        GetPriceRequest.newBuilder().setProductId("P00001").build()));

        assertThat(failure.getStatus().getDescription())
                .startsWith("request metadata: ")
                .endsWith(" bytes (expected: <= 8192)");
    }

    @Test
    void compressionBombIsRefusedWithoutInflatingIt() throws IOException {
        int inflatedBytes = 120 * 1024 * 1024;
        byte[] bomb = gzippedGetPriceRequest(inflatedBytes);
        assertThat(bomb.length).as("compressed size").isLessThan(128 * 1024);
        ByteBuffer frame = ByteBuffer.allocate(5 + bomb.length)
                .put((byte) 1)
                .putInt(bomb.length)
                .put(bomb);
        RequestHeaders headers = RequestHeaders.builder(
                        HttpMethod.POST, "/tickscope.pricing.v1.PricingService/GetPrice")
                .contentType(com.linecorp.armeria.common.MediaType.parse("application/grpc"))
                .add("te", "trailers")
                .add("grpc-encoding", "gzip")
                .build();
        long allocatedBefore = allocatedBytesOfEventLoops();

        AggregatedHttpResponse response = WebClient.of(server.httpUri())
                .execute(headers, HttpData.wrap(frame.array()))
                .aggregate()
                .join();

        long allocated = allocatedBytesOfEventLoops() - allocatedBefore;
        String status = response.trailers().contains("grpc-status")
                ? response.trailers().get("grpc-status")
                : response.headers().get("grpc-status");
        String message = response.trailers().contains("grpc-message")
                ? response.trailers().get("grpc-message")
                : response.headers().get("grpc-message");
        assertThat(status).isEqualTo(Integer.toString(Status.Code.RESOURCE_EXHAUSTED.value()));
        // Armeria stops inflating at the largest message limit (128 KiB) and says how far it read.
        assertThat(message).contains("exceeds maximum frame size: 131072");
        assertThat(allocated)
                .as("bytes the event loops allocated while serving")
                .isLessThan(inflatedBytes / 4);
    }

    @Test
    void clientPingsEverySecondAreAccepted() {
        // The desktop client pings every 10 s, even without calls; a server that punished frequent pings
        // (gRPC's "too_many_pings" GOAWAY) would close this connection, which pings ten times as often.
        ConnectionLimitsTest.ConnectionCounter connections = new ConnectionLimitsTest.ConnectionCounter();
        try (ClientFactory factory = ClientFactory.builder()
                .pingInterval(Duration.ofSeconds(1))
                .idleTimeout(Duration.ZERO)
                .connectionPoolListener(connections)
                .build()) {
            PricingServiceBlockingStub pricing =
                    GrpcClients.builder(server.httpUri()).factory(factory).build(PricingServiceBlockingStub.class);
            GetPriceRequest request =
                    GetPriceRequest.newBuilder().setProductId("P00001").build();
            pricing.getPrice(request);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections.pingsAcknowledged)
                    .hasValueGreaterThanOrEqualTo(3));
            pricing.getPrice(request);
            assertThat(connections.opened).hasValue(1);
            assertThat(connections.closed).hasValue(0);
        }
    }

    /** A GetPriceRequest whose product id is {@code idBytes} long, gzipped without ever holding it whole. */
    private static byte[] gzippedGetPriceRequest(int idBytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(0x0A); // field 1 (product_id), length-delimited
            for (int value = idBytes; ; value >>>= 7) {
                if ((value & ~0x7F) == 0) {
                    gzip.write(value);
                    break;
                }
                gzip.write((value & 0x7F) | 0x80);
            }
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'P');
            for (int written = 0; written < idBytes; written += chunk.length) {
                gzip.write(chunk, 0, Math.min(chunk.length, idBytes - written));
            }
        }
        return compressed.toByteArray();
    }

    /** Heap bytes allocated so far by the threads that decode and serve requests (Armeria's event loops). */
    private static long allocatedBytesOfEventLoops() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("armeria-common-worker"))
                .mapToLong(info -> threads.getThreadAllocatedBytes(info.getThreadId()))
                .filter(bytes -> bytes > 0)
                .sum();
    }
}
