package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedOutputStream;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recording.v1.RecordedPriceUpdate;
import io.tickscope.shared.time.InstantProtos;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the price stream to a file as it arrives: each update exactly as the server sent it, with the time
 * it was received, as length-delimited {@code tickscope.recording.v1.RecordedPriceUpdate} messages (see
 * docs/recording.md). Writing is buffered and costs the delivering thread one small encode per update; a disk
 * that fails stops the recording, never the stream.
 */
public final class PriceRecorder implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PriceRecorder.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final Clock clock;
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private @Nullable OutputStream out;
    private volatile @Nullable String problem;

    private PriceRecorder(Path file, Clock clock, OutputStream out) {
        this.file = file;
        this.clock = clock;
        this.out = out;
    }

    /** Creates (or replaces) {@code file} and records into it until closed. */
    public static PriceRecorder create(Path file, Clock clock) {
        requireNonNull(file, "file");
        try {
            return new PriceRecorder(
                    file,
                    requireNonNull(clock, "clock"),
                    new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record to " + file, e);
        }
    }

    public Path file() {
        return file;
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
    synchronized void record(WatchPricesResponse update) {
        OutputStream target = out;
        if (target == null) {
            return;
        }
        RecordedPriceUpdate record = RecordedPriceUpdate.newBuilder()
                .setReceiveTime(InstantProtos.toProto(clock.instant()))
                .setUpdate(update)
                .build();
        try {
            int size = record.getSerializedSize();
            record.writeDelimitedTo(target);
            updates.incrementAndGet();
            bytes.addAndGet(size + CodedOutputStream.computeUInt32SizeNoTag(size));
        } catch (IOException e) {
            problem = "Recording stopped: " + e.getMessage();
            logger.warn("Recording to {} stopped", file, e);
            closeQuietly(target);
            out = null;
        }
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() {
        OutputStream target = out;
        out = null;
        if (target != null) {
            try {
                target.close();
            } catch (IOException e) {
                problem = "Recording not fully written: " + e.getMessage();
                logger.warn("Closing recording {} failed", file, e);
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
