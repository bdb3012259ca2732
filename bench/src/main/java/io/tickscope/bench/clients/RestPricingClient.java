package io.tickscope.bench.clients;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.bench.codec.ServerJsonCodec;
import io.tickscope.bench.load.AsyncCall;
import io.tickscope.bench.load.RoundTrip;
import io.tickscope.bench.servers.Loopback;
import java.util.List;

/**
 * GetPrice as REST/JSON over HTTP/1.1 with keep-alive: {@code GET /v1/prices/{product_id}}, the route the server
 * transcodes from the contract's {@code google.api.http} annotation onto the same service method that gRPC
 * calls reach. Each response is decoded into the same {@link GetPriceResponse} a gRPC client gets, so both
 * sides pay for decoding.
 */
public final class RestPricingClient {

    private final WebClient client;
    private final Rotation<String> paths =
            new Rotation<>(PricingRequests.productIds(1, PricingRequests.ROTATION).stream()
                    .map(PricingRequests::restPath)
                    .toList());

    private RestPricingClient(WebClient client) {
        this.client = client;
    }

    /** Armeria's web client to loopback {@code port} over HTTP/1.1 (no upgrade to HTTP/2), with keep-alive. */
    public static RestPricingClient http1(int port) {
        return http1(port, ClientFactory.ofDefault());
    }

    /** The same, on connections of {@code factory}, which the caller owns. */
    public static RestPricingClient http1(int port, ClientFactory factory) {
        return new RestPricingClient(WebClient.builder("h1c://" + Loopback.HOST + ':' + port)
                .factory(factory)
                .build());
    }

    /** One GetPrice at a time, blocking until the response is decoded. */
    public RoundTrip getPriceRoundTrip() {
        return () -> decode(client.get(paths.next()).aggregate().join());
    }

    /** One asynchronous GetPrice per start. */
    public AsyncCall getPriceCall() {
        return completion -> client.get(paths.next()).aggregate().handle((response, failure) -> {
            if (failure != null) {
                completion.complete(failure);
                return null;
            }
            try {
                decode(response);
                completion.complete(null);
            } catch (RuntimeException e) {
                completion.complete(e);
            }
            return null;
        });
    }

    /** Returns the body of {@code GET /v1/prices/{productId}}: the JSON a REST client receives. */
    public byte[] getPriceBody(String productId) {
        return checked(client.get(PricingRequests.restPath(productId))
                        .aggregate()
                        .join())
                .content()
                .array();
    }

    /** Returns the body of {@code POST /v1/prices:batchGet} for {@code productIds}. */
    public byte[] getPricesBatchBody(List<String> productIds) {
        byte[] request = ServerJsonCodec.encode(PricingRequests.batch(productIds));
        HttpRequest post = HttpRequest.of(HttpMethod.POST, "/v1/prices:batchGet", MediaType.JSON_UTF_8, request);
        return checked(client.execute(post).aggregate().join()).content().array();
    }

    private static GetPriceResponse decode(AggregatedHttpResponse response) {
        return ServerJsonCodec.decode(checked(response).content().array(), GetPriceResponse.getDefaultInstance());
    }

    private static AggregatedHttpResponse checked(AggregatedHttpResponse response) {
        if (!response.status().equals(HttpStatus.OK)) {
            throw new IllegalStateException(
                    "REST response: " + response.status() + ' ' + response.contentUtf8() + " (expected: 200 OK)");
        }
        return response;
    }
}
