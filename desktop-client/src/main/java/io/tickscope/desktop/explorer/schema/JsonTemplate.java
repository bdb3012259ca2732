package io.tickscope.desktop.explorer.schema;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.HashSet;
import java.util.Set;

/**
 * A request to start from: the JSON of a message with every field present, enums by the name of their first
 * value, nested messages filled the same way, and one element in each repeated field and map. Written by
 * protobuf's own {@link JsonFormat}, so it is exactly the JSON the request parser reads back.
 */
public final class JsonTemplate {

    /** Deep enough for real requests; a message that contains itself stops there. */
    private static final int MAX_DEPTH = 4;

    /** Well-known types whose JSON is not an object of fields: left out rather than filled with nonsense. */
    private static final Set<String> LEFT_EMPTY = Set.of(
            "google.protobuf.Any",
            "google.protobuf.Value",
            "google.protobuf.Struct",
            "google.protobuf.ListValue",
            "google.protobuf.Empty");

    private JsonTemplate() {}

    /** Returns the template of {@code type}, pretty-printed. */
    public static String of(Descriptor type) {
        try {
            return JsonFormat.printer().includingDefaultValueFields().print(sample(type, 0));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("template of " + type.getFullName(), e);
        }
    }

    private static Message sample(Descriptor type, int depth) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        Set<OneofDescriptor> oneofsFilled = new HashSet<>();
        for (FieldDescriptor field : type.getFields()) {
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null && !oneofsFilled.add(oneof)) {
                // One member of a oneof: setting another would clear it.
                continue;
            }
            Object value = sampleValue(field, depth);
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                builder.addRepeatedField(field, value);
            } else {
                builder.setField(field, value);
            }
        }
        return builder.build();
    }

    private static @org.jspecify.annotations.Nullable Object sampleValue(FieldDescriptor field, int depth) {
        return switch (field.getJavaType()) {
            case MESSAGE -> {
                Descriptor type = field.getMessageType();
                if (LEFT_EMPTY.contains(type.getFullName()) || depth >= MAX_DEPTH) {
                    yield null;
                }
                yield sample(type, depth + 1);
            }
            case ENUM -> field.getEnumType().getValues().get(0);
            default -> defaultScalar(field);
        };
    }

    private static Object defaultScalar(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case INT -> 0;
            case LONG -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTE_STRING -> com.google.protobuf.ByteString.EMPTY;
            default -> throw new IllegalStateException("not a scalar: " + field.getFullName());
        };
    }
}
