package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recording.v1.RecordedPriceUpdate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the price stream to a file as it arrives: each update exactly as the server sent it, with the time
 * it was received, as length-delimited {@code tickscope.recording.v1.RecordedPriceUpdate} messages (see
 * docs/recording.md). Writing is buffered and costs the delivering thread a copy per update, straight into the
 * file's buffer: a watch hands over the update's bytes as they arrived ({@link BytesKeepingMarshaller}), and the
 * record's two fields are written as {@code RecordedPriceUpdate} encodes them, without building one or encoding
 * the update again (either was most of what recording cost the thread that delivers every tick). A disk that
 * fails stops the recording, never the stream.
 */
public final class PriceRecorder implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PriceRecorder.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path path;
    private final Clock clock;
    // Counted under this object's lock and read anywhere: a release store each, not an atomic add per update.
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final OutputStream file;
    private @Nullable CodedOutputStream out;
    private volatile @Nullable String problem;

    private PriceRecorder(Path path, Clock clock, OutputStream file) {
        this.path = path;
        this.clock = clock;
        this.file = file;
        this.out = CodedOutputStream.newInstance(file, BUFFER_BYTES);
    }

    /** Creates (or replaces) {@code file} and records into it until closed. */
    public static PriceRecorder create(Path file, Clock clock) {
        requireNonNull(file, "file");
        try {
            return new PriceRecorder(file, requireNonNull(clock, "clock"), Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record to " + file, e);
        }
    }

    public Path file() {
        return path;
    }

    /** Updates recorded so far. */
    public long updates() {
        return updates.get();
    }

    /** Bytes written so far, framing included. */
    public long bytes() {
        return bytes.get();
    }

    /** Why recording stopped early, or null while it runs (or once it was closed). */
    public @Nullable String problem() {
        return problem;
    }

    /** Records {@code update}, received now; any thread. */
    void record(WatchPricesResponse update) {
        byte[] encoded = update.toByteArray();
        record(encoded, encoded.length);
    }

    /** Records the update whose encoding is the first {@code length} bytes of {@code update}, received now. */
    synchronized void record(byte[] update, int length) {
        CodedOutputStream target = out;
        if (target == null) {
            return;
        }
        Instant receiveTime = clock.instant();
        long seconds = receiveTime.getEpochSecond();
        int nanos = receiveTime.getNano();
        int timeSize = timestampSize(seconds, nanos);
        int size = CodedOutputStream.computeTagSize(RecordedPriceUpdate.RECEIVE_TIME_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(timeSize)
                + timeSize
                + CodedOutputStream.computeTagSize(RecordedPriceUpdate.UPDATE_FIELD_NUMBER)
                + CodedOutputStream.computeUInt32SizeNoTag(length)
                + length;
        try {
            target.writeUInt32NoTag(size);
            // The Timestamp message's fields, as it writes them: proto3 leaves out the ones that are zero.
            target.writeTag(RecordedPriceUpdate.RECEIVE_TIME_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            target.writeUInt32NoTag(timeSize);
            if (seconds != 0) {
                target.writeInt64(Timestamp.SECONDS_FIELD_NUMBER, seconds);
            }
            if (nanos != 0) {
                target.writeInt32(Timestamp.NANOS_FIELD_NUMBER, nanos);
            }
            target.writeByteArray(RecordedPriceUpdate.UPDATE_FIELD_NUMBER, update, 0, length);
            updates.setRelease(updates.get() + 1);
            bytes.setRelease(bytes.get() + CodedOutputStream.computeUInt32SizeNoTag(size) + size);
        } catch (IOException e) {
            problem = "Recording stopped: " + e.getMessage();
            logger.warn("Recording to {} stopped", path, e);
            out = null;
            closeQuietly(file);
        }
    }

    private static int timestampSize(long seconds, int nanos) {
        return (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(Timestamp.SECONDS_FIELD_NUMBER, seconds))
                + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(Timestamp.NANOS_FIELD_NUMBER, nanos));
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() {
        CodedOutputStream target = out;
        out = null;
        if (target != null) {
            try {
                target.flush();
                file.close();
            } catch (IOException e) {
                problem = "Recording not fully written: " + e.getMessage();
                logger.warn("Closing recording {} failed", path, e);
                closeQuietly(file);
            }
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // Already failing: the first failure is the one reported.
        }
    }
}
