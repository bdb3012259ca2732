package io.tickscope.bench.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real responses captured from the server during a run, saved as binary protobuf so that the codec
 * microbenchmarks, in their own JVM, encode and decode what the server actually sends.
 */
public final class CodecFixtures {

    /** The message types the microbenchmarks cover, by the name JMH reports them under. */
    static final Map<String, Message> PROTOTYPES = Map.of(
            GetPriceResponse.getDescriptor().getName(), GetPriceResponse.getDefaultInstance(),
            GetPricesBatchResponse.getDescriptor().getName(), GetPricesBatchResponse.getDefaultInstance());

    private CodecFixtures() {}

    /** Saves {@code message} in {@code directory}, under the name of its type. */
    public static void write(Path directory, Message message) {
        try {
            Files.createDirectories(directory);
            Files.write(fileOf(directory, message.getDescriptorForType().getName()), message.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the message of type {@code typeName} that {@link #write} saved in {@code directory}. */
    static Message read(Path directory, String typeName) {
        Message prototype = PROTOTYPES.get(typeName);
        if (prototype == null) {
            throw new IllegalArgumentException(
                    "message type: \"" + typeName + "\" (expected: one of " + PROTOTYPES.keySet() + ')');
        }
        try {
            return prototype.getParserForType().parseFrom(Files.readAllBytes(fileOf(directory, typeName)));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("fixture of " + typeName + " in " + directory + ": not valid protobuf", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fileOf(Path directory, String typeName) {
        return directory.resolve(typeName + ".binpb");
    }
}
