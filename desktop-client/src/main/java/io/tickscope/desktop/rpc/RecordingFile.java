package io.tickscope.desktop.rpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tickscope.api.recording.v1.RecordedPriceUpdate;
import io.tickscope.desktop.model.RecordedTick;
import io.tickscope.shared.time.InstantProtos;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a recording that {@link PriceRecorder} wrote. */
public final class RecordingFile {

    private RecordingFile() {}

    /**
     * Returns the updates of {@code file} in the order they were recorded. A last record cut short (the monitor
     * stopped while writing) ends the recording where the last whole one ends; a file that is not a recording
     * fails with a message saying so.
     */
    public static List<RecordedTick> read(Path file) {
        List<RecordedTick> ticks = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            while (true) {
                RecordedPriceUpdate record;
                try {
                    record = RecordedPriceUpdate.parseDelimitedFrom(in);
                } catch (InvalidProtocolBufferException e) {
                    if (ticks.isEmpty()) {
                        throw new IllegalArgumentException(
                                file + " is not a Tickscope recording (expected: length-delimited"
                                        + " tickscope.recording.v1.RecordedPriceUpdate messages)",
                                e);
                    }
                    return List.copyOf(ticks);
                }
                if (record == null) {
                    return List.copyOf(ticks);
                }
                if (!record.hasUpdate() || !record.getUpdate().hasQuote()) {
                    throw new IllegalArgumentException(file + ": record " + (ticks.size() + 1)
                            + " has no update (expected: a RecordedPriceUpdate with a quote)");
                }
                ticks.add(new RecordedTick(
                        InstantProtos.fromProto(record.getReceiveTime()),
                        PricingMessages.fromProto(record.getUpdate())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
