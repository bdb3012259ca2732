package io.tickscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc.HealthBlockingStub;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drain: the server says NOT_SERVING in grpc.health.v1, so that balancing clients leave it, and still serves. */
class ServingHealthTest {

    @TempDir
    Path dataDirectory;

    @Test
    void setServingFlipsTheHealthServiceWhileCallsAreStillServed() {
        try (TickscopeServer server = TickscopeServer.start(new ServerSettings(
                "127.0.0.1", 0, dataDirectory, 0, ServerSettings.DEFAULT_SEED, Duration.ofSeconds(1)))) {
            String uri = "http://127.0.0.1:" + server.port();
            HealthBlockingStub health = GrpcClients.newClient(uri, HealthBlockingStub.class);
            PricingServiceBlockingStub pricing = GrpcClients.newClient(uri, PricingServiceBlockingStub.class);
            assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .isEqualTo(ServingStatus.SERVING);

            server.setServing(false);

            assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .isEqualTo(ServingStatus.NOT_SERVING);
            assertThat(pricing.getPrice(GetPriceRequest.newBuilder()
                                    .setProductId("P00001")
                                    .build())
                            .getQuote()
                            .getProductId())
                    .isEqualTo("P00001");

            server.setServing(true);

            assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .isEqualTo(ServingStatus.SERVING);
        }
    }
}
