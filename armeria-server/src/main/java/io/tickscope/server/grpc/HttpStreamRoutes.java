package io.tickscope.server.grpc;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.ServerBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP streams of the server-streaming methods, for browsers and curl: {@value #WATCH_PRICES} (WatchPrices)
 * and {@value #LIST_BOOKS} (ListBooks), as Server-Sent Events or NDJSON. They call the very service definitions
 * the gRPC service hosts, behind the same interceptors.
 */
final class HttpStreamRoutes {

    static final String WATCH_PRICES = "/v1/prices:watch";
    static final String LIST_BOOKS = "/v1/books:stream";

    private HttpStreamRoutes() {}

    /**
     * Adds both routes to {@code sb}: {@code services} are the bound gRPC services, {@code interceptors} those of
     * the gRPC service in its order (the last runs first), and {@code decorator} the HTTP limits of its route.
     */
    static void addTo(
            ServerBuilder sb,
            List<ServerServiceDefinition> services,
            List<ServerInterceptor> interceptors,
            HttpStreamCodec codec,
            OpenHttpStreams openStreams,
            Function<HttpService, HttpService> decorator) {
        sb.service(
                get(WATCH_PRICES),
                decorator.apply(new HttpStreamService<>(
                        find(services, interceptors, PricingServiceGrpc.getWatchPricesMethod()),
                        WatchPricesRequest.getDefaultInstance(),
                        PriceResume::of,
                        codec,
                        openStreams)));
        sb.service(
                get(LIST_BOOKS),
                decorator.apply(new HttpStreamService<>(
                        find(services, interceptors, RecommendationServiceGrpc.getListBooksMethod()),
                        ListBooksRequest.getDefaultInstance(),
                        BookResume::of,
                        codec,
                        openStreams)));
    }

    private static Route get(String path) {
        return Route.builder().exact(path).methods(HttpMethod.GET).build();
    }

    private static <Req, Resp> ServerMethodDefinition<Req, Resp> find(
            List<ServerServiceDefinition> services,
            List<ServerInterceptor> interceptors,
            MethodDescriptor<Req, Resp> method) {
        for (ServerServiceDefinition service : services) {
            if (service.getServiceDescriptor().getName().equals(method.getServiceName())) {
                @SuppressWarnings("unchecked")
                ServerMethodDefinition<Req, Resp> found = (ServerMethodDefinition<Req, Resp>)
                        ServerInterceptors.intercept(service, interceptors).getMethod(method.getFullMethodName());
                if (found != null) {
                    return found;
                }
            }
        }
        throw new IllegalArgumentException(
                "services: no " + method.getFullMethodName() + " (expected: the service that hosts it)");
    }
}
