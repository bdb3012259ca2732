package io.tickscope.desktop.explorer.schema;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.JsonFormat.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Messages to JSON and back with protobuf's own {@link JsonFormat}, knowing every type of a catalogue (so an
 * {@code Any} prints and parses). A request that does not parse is a {@link RequestProblem} naming the field:
 * {@code JsonFormat} says what is wrong but not where, so the JSON tree is walked field by field to find it.
 */
public final class JsonCodec {

    private final JsonFormat.Printer printer;
    private final JsonFormat.Printer compactPrinter;
    private final JsonFormat.Parser parser;

    private JsonCodec(TypeRegistry registry) {
        this.printer = JsonFormat.printer().usingTypeRegistry(registry);
        this.compactPrinter = printer.omittingInsignificantWhitespace();
        this.parser = JsonFormat.parser().usingTypeRegistry(registry);
    }

    /** Returns a codec that knows every message type of {@code files}. */
    public static JsonCodec of(List<FileDescriptor> files) {
        TypeRegistry.Builder registry = TypeRegistry.newBuilder();
        for (FileDescriptor file : files) {
            file.getMessageTypes().forEach(registry::add);
        }
        return new JsonCodec(registry.build());
    }

    /** Returns {@code message} as pretty-printed JSON. */
    public String print(MessageOrBuilder message) {
        try {
            return printer.print(message);
        } catch (InvalidProtocolBufferException e) {
            // An Any of a type the catalogue does not know: say so rather than fail the call's display.
            return "(cannot print as JSON: " + e.getMessage() + ")";
        }
    }

    /** Returns {@code message} as JSON on one line, as a command line carries it. */
    public String printCompact(MessageOrBuilder message) {
        try {
            return compactPrinter.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "cannot print " + message.getDescriptorForType().getFullName(), e);
        }
    }

    /**
     * Parses {@code json} into a message of {@code type}.
     *
     * @throws RequestProblem naming the bad field, when the JSON does not fit the type
     */
    public DynamicMessage parse(Descriptor type, String json) throws RequestProblem {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new RequestProblem("", "not JSON: " + messageOf(e));
        }
        if (!tree.isJsonObject()) {
            throw new RequestProblem("", "a JSON object is expected, like {} (got: " + tree + ")");
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        try {
            parser.merge(json, builder);
            return builder.build();
        } catch (InvalidProtocolBufferException e) {
            locate(type, tree.getAsJsonObject(), "");
            throw new RequestProblem("", requireNonNull(e.getMessage(), "message"));
        }
    }

    /** Throws the problem of the first field of {@code object} that does not parse, deepest first. */
    private void locate(Descriptor type, JsonObject object, String path) throws RequestProblem {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            String fieldPath = path + key;
            FieldDescriptor field = fieldOf(type, key);
            if (field == null) {
                throw new RequestProblem(
                        fieldPath,
                        "no such field in " + type.getFullName() + " (expected: one of "
                                + type.getFields().stream()
                                        .map(FieldDescriptor::getName)
                                        .collect(Collectors.joining(", "))
                                + ")");
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !field.isMapField()
                    && !field.getMessageType().getFullName().startsWith("google.protobuf.")) {
                if (!field.isRepeated() && value.isJsonObject()) {
                    locate(field.getMessageType(), value.getAsJsonObject(), fieldPath + ".");
                } else if (field.isRepeated() && value.isJsonArray()) {
                    JsonArray elements = value.getAsJsonArray();
                    for (int i = 0; i < elements.size(); i++) {
                        if (elements.get(i).isJsonObject()) {
                            locate(
                                    field.getMessageType(),
                                    elements.get(i).getAsJsonObject(),
                                    fieldPath + "[" + i + "].");
                        }
                    }
                }
            }
            JsonObject alone = new JsonObject();
            alone.add(key, value);
            try {
                parser.merge(alone.toString(), DynamicMessage.newBuilder(type));
            } catch (InvalidProtocolBufferException e) {
                throw new RequestProblem(fieldPath, requireNonNull(e.getMessage(), "message"));
            }
        }
    }

    private static @Nullable FieldDescriptor fieldOf(Descriptor type, String key) {
        FieldDescriptor byName = type.findFieldByName(key);
        if (byName != null) {
            return byName;
        }
        return type.getFields().stream()
                .filter(field -> field.getJsonName().equals(key))
                .findFirst()
                .orElse(null);
    }

    private static String messageOf(JsonParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return String.valueOf(cause.getMessage());
    }
}
