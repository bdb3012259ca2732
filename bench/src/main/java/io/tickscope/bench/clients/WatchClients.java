package io.tickscope.bench.clients;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.bench.servers.Loopback;
import java.time.Duration;
import java.util.List;

/** Armeria gRPC stubs and requests for price watches that last as long as a run. */
public final class WatchClients {

    private WatchClients() {}

    /**
     * Returns a stub to loopback {@code port} on connections of {@code factory}, without the two client limits
     * that cut long streams: the response timeout (10 s by default) and the response length, which Armeria
     * counts over the whole stream (10 MiB by default).
     */
    public static PricingServiceStub stub(int port, ClientFactory factory) {
        requireNonNull(factory, "factory");
        return GrpcClients.builder("h2c://" + Loopback.HOST + ':' + port)
                .factory(factory)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build(PricingServiceStub.class);
    }

    /** Returns a watch of {@code productIds}, or of the whole catalogue when empty, quoted as unary calls are. */
    public static WatchPricesRequest request(List<String> productIds) {
        return WatchPricesRequest.newBuilder()
                .addAllProductIds(productIds)
                .setCurrencyCode(PricingRequests.CURRENCY_CODE)
                .setCustomerSegment(PricingRequests.SEGMENT)
                .build();
    }
}
