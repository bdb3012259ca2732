package io.tickscope.server.security;

import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import io.tickscope.api.user.v1.UserServiceGrpc;
import java.util.Map;

/** Which {@link Access} each gRPC method needs, by its full name ({@code package.Service/Method}). */
final class MethodAccess {

    private static final Map<String, Access> BY_SERVICE = Map.of(
            HealthGrpc.SERVICE_NAME,
            Access.OPEN,
            ServerReflectionGrpc.SERVICE_NAME,
            Access.ADMIN_SURFACE,
            // The older reflection name, in case a client asks for it: the same surface.
            "grpc.reflection.v1alpha.ServerReflection",
            Access.ADMIN_SURFACE,
            PricingServiceGrpc.SERVICE_NAME,
            Access.READER,
            RecommendationServiceGrpc.SERVICE_NAME,
            Access.READER,
            UserServiceGrpc.SERVICE_NAME,
            Access.READER);

    private static final Map<String, Access> BY_METHOD =
            Map.of(PricingServiceGrpc.getPublishPricesMethod().getFullMethodName(), Access.PUBLISHER);

    private MethodAccess() {}

    static Access of(String fullMethodName) {
        Access method = BY_METHOD.get(fullMethodName);
        if (method != null) {
            return method;
        }
        int slash = fullMethodName.lastIndexOf('/');
        String service = slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
        return BY_SERVICE.getOrDefault(service, Access.ADMIN);
    }
}
