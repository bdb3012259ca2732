package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Parses the responses of one call as grpc-java's protobuf marshaller does (the message's bytes read into a
 * buffer, the message parsed from it) and keeps the bytes of the last one, so that a recording writes an update
 * as it arrived instead of encoding the parsed message again on the thread that delivers every tick. A call
 * parses its messages one at a time, each just before its listener hears it, so the last bytes are those of the
 * message the listener holds; {@link #lastBytesOf} checks that it is the same message. Requests are marshalled as
 * protobuf's marshaller does.
 */
final class BytesKeepingMarshaller<T extends Message> implements Marshaller<T> {

    private static final int INITIAL_BUFFER_BYTES = 512;

    private final Marshaller<T> protobuf;
    private final Parser<T> parser;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private int length;
    private @Nullable T last;

    @SuppressWarnings("unchecked")
    BytesKeepingMarshaller(T defaultInstance) {
        this.protobuf = ProtoUtils.marshaller(requireNonNull(defaultInstance, "defaultInstance"));
        this.parser = (Parser<T>) defaultInstance.getParserForType();
    }

    @Override
    public InputStream stream(T value) {
        return protobuf.stream(value);
    }

    @Override
    public T parse(InputStream stream) {
        try {
            length = stream instanceof KnownLength ? readKnownLength(stream) : readAll(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            T message = parser.parseFrom(buffer, 0, length);
            last = message;
            return message;
        } catch (InvalidProtocolBufferException e) {
            last = null;
            throw Status.INTERNAL
                    .withDescription("Invalid protobuf byte sequence")
                    .withCause(e)
                    .asRuntimeException();
        }
    }

    /**
     * Returns the buffer whose first {@link #lastLength()} bytes are {@code message} as it arrived, if it is the
     * message parsed last; otherwise null. Valid until the next parse.
     */
    byte @Nullable [] lastBytesOf(T message) {
        return message == last ? buffer : null;
    }

    int lastLength() {
        return length;
    }

    private int readKnownLength(InputStream stream) throws IOException {
        int size = stream.available();
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, 2 * buffer.length)];
        }
        int read = 0;
        while (read < size) {
            int count = stream.read(buffer, read, size - read);
            if (count == -1) {
                throw new IOException("size inaccurate: " + size + " != " + read);
            }
            read += count;
        }
        return size;
    }

    private int readAll(InputStream stream) throws IOException {
        byte[] all = stream.readAllBytes();
        if (buffer.length < all.length) {
            buffer = Arrays.copyOf(all, Math.max(all.length, 2 * buffer.length));
        } else {
            System.arraycopy(all, 0, buffer, 0, all.length);
        }
        return all.length;
    }
}
