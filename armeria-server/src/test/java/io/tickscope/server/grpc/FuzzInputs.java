package io.tickscope.server.grpc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns fuzzer input into what a client sends: one encoded message for a unary call; for a stream, several
 * encoded messages, each parsed as gRPC parses it, then a half-close or a hang-up.
 *
 * <p>The stream layout, for writing seeds by hand: the last byte's lowest bit says whether the client completes (1)
 * or cancels (0); message lengths follow from the end, two bytes each (high byte last, modulo {@value
 * #MAX_MESSAGE_BYTES} + 1), while the messages themselves come from the front, in order.
 */
final class FuzzInputs {

    static final int MAX_MESSAGES = 16;
    static final int MAX_MESSAGE_BYTES = 4_095;

    private FuzzInputs() {}

    /**
     * Returns {@code encoded} parsed as {@code parser} parses it, or null when it does not parse: gRPC answers
     * that with INVALID_ARGUMENT before any service code runs.
     */
    static <Q> @Nullable Q message(byte[] encoded, Parser<Q> parser) {
        try {
            return parser.parseFrom(encoded);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /**
     * Sends the messages {@code data} holds into {@code stream} until one fails to parse or the call ends;
     * returns the messages sent.
     */
    static <Q> List<Q> sendStream(FuzzedDataProvider data, Parser<Q> parser, InlineServices.RequestStream<Q> stream) {
        List<Q> sent = new ArrayList<>();
        boolean completes = data.consumeBoolean();
        while (sent.size() < MAX_MESSAGES && data.remainingBytes() > 0) {
            byte[] encoded = data.consumeBytes(data.consumeInt(0, MAX_MESSAGE_BYTES));
            Q message;
            try {
                message = parser.parseFrom(encoded);
            } catch (InvalidProtocolBufferException e) {
                stream.sendUnparsable(e);
                return sent;
            }
            sent.add(message);
            if (!stream.send(message)) {
                return sent;
            }
        }
        if (completes) {
            stream.complete();
        } else {
            stream.cancel();
        }
        return sent;
    }
}
