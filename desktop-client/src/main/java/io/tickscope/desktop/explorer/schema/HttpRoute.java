package io.tickscope.desktop.explorer.schema;

import static java.util.Objects.requireNonNull;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;

/**
 * A method's REST route from its {@code google.api.http} option: the HTTP verb, the path template
 * ({@code /v1/prices/{product_id}}) and which part of the request is the body ({@code "*"}, a field, or none).
 *
 * <p>Descriptors built from reflection keep the option as an unknown field (they were parsed without the
 * extension), so the options are read again with the extension registered.
 */
public record HttpRoute(String verb, String pathTemplate, String body) {

    private static final ExtensionRegistry HTTP_OPTION = httpOption();

    public HttpRoute {
        requireNonNull(verb, "verb");
        requireNonNull(pathTemplate, "pathTemplate");
        requireNonNull(body, "body");
    }

    /** Returns the route of {@code method}, or empty when it has none (or a custom verb). */
    public static Optional<HttpRoute> of(MethodDescriptor method) {
        HttpRule rule;
        try {
            rule = MethodOptions.parseFrom(method.getOptions().toByteString(), HTTP_OPTION)
                    .getExtension(AnnotationsProto.http);
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
        String body = rule.getBody();
        return switch (rule.getPatternCase()) {
            case GET -> Optional.of(new HttpRoute("GET", rule.getGet(), body));
            case POST -> Optional.of(new HttpRoute("POST", rule.getPost(), body));
            case PUT -> Optional.of(new HttpRoute("PUT", rule.getPut(), body));
            case DELETE -> Optional.of(new HttpRoute("DELETE", rule.getDelete(), body));
            case PATCH -> Optional.of(new HttpRoute("PATCH", rule.getPatch(), body));
            default -> Optional.empty();
        };
    }

    private static ExtensionRegistry httpOption() {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        registry.add(AnnotationsProto.http);
        return registry.getUnmodifiable();
    }
}
