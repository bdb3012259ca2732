package io.tickscope.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-client rate limit: a burst passes, the call past it is refused, and the budget refills. One test only:
 * every call from this JVM counts against the same client (127.0.0.1).
 */
class RateLimitTest {

    private static final int BURST = 20;

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults().toBuilder()
            .rateLimit(new RateLimit(10, BURST))
            .build());

    private final PricingServiceBlockingStub pricing =
            GrpcClients.newClient(server.httpUri(), PricingServiceBlockingStub.class);

    @Test
    void callsPastTheBurstAreRefusedUntilTheBucketRefills() {
        // The bucket starts full and refills 10 tokens a second: 20 calls in a burst, and at most a few more
        // while they run, pass; a steady stream beyond that must hit the limit.
        int passed = 0;
        @Nullable StatusRuntimeException refused = null;
        while (refused == null) {
            try {
                getPrice();
                passed++;
            } catch (StatusRuntimeException e) {
                refused = e;
            }
            assertThat(passed).as("calls before the limit").isLessThan(BURST * 10);
        }

        assertThat(passed).isGreaterThanOrEqualTo(BURST);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(refused.getStatus().getDescription())
                .startsWith("rate limit of client 127.0.0.1: 10 calls per second, bursts of 20 (expected: a pause;"
                        + " retry in ");
        Metadata trailers = Status.trailersFromThrowable(refused);
        assertThat(trailers).isNotNull();
        assertThat(Long.parseLong(
                        trailers.get(Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER))))
                .isBetween(1L, 1_000L);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(this::getPrice);
    }

    private void getPrice() {
        pricing.getPrice(GetPriceRequest.newBuilder().setProductId("P00001").build());
    }
}
