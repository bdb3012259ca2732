package io.tickscope.bench.clients;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Channel;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.bench.load.AsyncCall;
import io.tickscope.bench.load.RoundTrip;
import io.tickscope.bench.servers.Loopback;
import java.util.List;

/** GetPrice and GetPricesBatch over gRPC, through Armeria's client or any grpc-java {@link Channel}. */
public final class GrpcPricingClient {

    private final PricingServiceStub async;
    private final PricingServiceBlockingStub blocking;
    private final Rotation<GetPriceRequest> requests =
            new Rotation<>(PricingRequests.productIds(1, PricingRequests.ROTATION).stream()
                    .map(PricingRequests::getPrice)
                    .toList());

    private GrpcPricingClient(PricingServiceStub async, PricingServiceBlockingStub blocking) {
        this.async = async;
        this.blocking = blocking;
    }

    /** Armeria's gRPC client to loopback {@code port}, over HTTP/2 (prior knowledge) on one connection. */
    public static GrpcPricingClient armeria(int port) {
        return armeria(port, ClientFactory.ofDefault());
    }

    /** Armeria's gRPC client to loopback {@code port} on a connection of {@code factory}, which the caller owns. */
    public static GrpcPricingClient armeria(int port, ClientFactory factory) {
        String uri = "h2c://" + Loopback.HOST + ':' + port;
        return new GrpcPricingClient(
                GrpcClients.builder(uri).factory(factory).build(PricingServiceStub.class),
                GrpcClients.builder(uri).factory(factory).build(PricingServiceBlockingStub.class));
    }

    /** Stubs on {@code channel}, which the caller owns and shuts down. */
    public static GrpcPricingClient on(Channel channel) {
        requireNonNull(channel, "channel");
        return new GrpcPricingClient(PricingServiceGrpc.newStub(channel), PricingServiceGrpc.newBlockingStub(channel));
    }

    /** One GetPrice at a time, blocking until the response. */
    public RoundTrip getPriceRoundTrip() {
        return () -> blocking.getPrice(requests.next());
    }

    /** One asynchronous GetPrice per start. */
    public AsyncCall getPriceCall() {
        return completion -> async.getPrice(requests.next(), new CompletionObserver<>(completion));
    }

    public GetPriceResponse getPrice(String productId) {
        return blocking.getPrice(PricingRequests.getPrice(productId));
    }

    public GetPricesBatchResponse getPricesBatch(List<String> productIds) {
        return blocking.getPricesBatch(PricingRequests.batch(productIds));
    }
}
