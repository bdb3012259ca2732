package io.tickscope.server.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.linecorp.armeria.common.QueryParams;
import io.tickscope.server.error.InvalidArgumentException;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request message from a GET request's query parameters, as Armeria's HTTP/JSON transcoding does for the
 * unary REST routes: one parameter per field, by its proto name ({@code product_ids}) or its JSON name ({@code
 * productIds}), repeated fields repeated ({@code ?product_ids=P00001&product_ids=P00002}), enums by name or
 * number. The service checks the values as for any other protocol.
 */
final class QueryRequests {

    private QueryRequests() {}

    /** Reads a message of {@code prototype}'s type, skipping {@code ignored} parameters (the stream's own). */
    @SuppressWarnings("unchecked")
    static <M extends Message> M read(M prototype, QueryParams params, Set<String> ignored) {
        Message.Builder builder = prototype.newBuilderForType();
        Descriptor descriptor = builder.getDescriptorForType();
        for (String name : params.names()) {
            if (ignored.contains(name)) {
                continue;
            }
            FieldDescriptor field = field(descriptor, name);
            if (field == null) {
                throw InvalidArgumentException.of(
                        name,
                        "unknown query parameter (expected: one of "
                                + descriptor.getFields().stream()
                                        .map(FieldDescriptor::getName)
                                        .collect(Collectors.joining(", "))
                                + (ignored.isEmpty() ? "" : ", " + String.join(", ", ignored)) + ')');
            }
            for (String value : params.getAll(name)) {
                Object parsed = parse(field, name, value);
                if (field.isRepeated()) {
                    builder.addRepeatedField(field, parsed);
                } else {
                    builder.setField(field, parsed);
                }
            }
        }
        return (M) builder.build();
    }

    private static @Nullable FieldDescriptor field(Descriptor descriptor, String name) {
        FieldDescriptor byName = descriptor.findFieldByName(name);
        if (byName != null) {
            return byName;
        }
        return descriptor.getFields().stream()
                .filter(field -> field.getJsonName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static Object parse(FieldDescriptor field, String name, String value) {
        try {
            return switch (field.getJavaType()) {
                case STRING -> value;
                case INT -> Integer.parseInt(value);
                case LONG -> Long.parseLong(value);
                case BOOLEAN -> parseBoolean(name, value);
                case ENUM -> parseEnum(field, name, value);
                default ->
                    throw InvalidArgumentException.of(
                            name, "cannot be given as a query parameter (expected: a field of a scalar type)");
            };
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.of(name, '"' + value + "\" (expected: a whole number)");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidArgumentException.of(name, '"' + value + "\" (expected: true or false)");
        };
    }

    private static EnumValueDescriptor parseEnum(FieldDescriptor field, String name, String value) {
        EnumValueDescriptor byName = field.getEnumType().findValueByName(value);
        if (byName != null) {
            return byName;
        }
        if (value.matches("-?\\d{1,10}")) {
            // An unknown number is the service's to refuse, with the message it gives every protocol.
            return field.getEnumType().findValueByNumberCreatingIfUnknown(Integer.parseInt(value));
        }
        throw InvalidArgumentException.of(
                name,
                '"' + value + "\" (expected: one of "
                        + field.getEnumType().getValues().stream()
                                .map(EnumValueDescriptor::getName)
                                .collect(Collectors.joining(", "))
                        + ", or its number)");
    }
}
