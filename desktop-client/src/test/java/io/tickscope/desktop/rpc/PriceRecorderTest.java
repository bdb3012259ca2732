package io.tickscope.desktop.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Money;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recording.v1.RecordedPriceUpdate;
import io.tickscope.desktop.testing.RandomPrices;
import io.tickscope.shared.time.InstantProtos;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder writes each record's fields itself instead of building a {@code RecordedPriceUpdate}: its file
 * must be, byte for byte, what the message's own encoding writes, so that every reader of the documented format
 * reads it.
 */
class PriceRecorderTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00.123456789Z");

    @TempDir
    Path directory;

    @Test
    void theFileIsTheDelimitedEncodingOfTheContractsRecordMessage() throws Exception {
        Random random = new Random(7);
        List<WatchPricesResponse> updates = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            updates.add(update(random, i));
        }
        Path file = directory.resolve("prices.tsrec");

        // One receive time per update, a millisecond and a nanosecond apart, the first with no fraction of a second.
        List<Instant> receiveTimes = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            receiveTimes.add(
                    Instant.ofEpochSecond(START.getEpochSecond()).plusMillis(i).plusNanos(i));
        }
        PriceRecorder recorder = PriceRecorder.create(file, clockReading(receiveTimes));
        updates.forEach(recorder::record);
        recorder.close();

        assertThat(recorder.updates()).isEqualTo(updates.size());
        assertThat(recorder.bytes()).isEqualTo(Files.size(file));
        assertThat(recorder.problem()).isNull();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < updates.size(); i++) {
            RecordedPriceUpdate.newBuilder()
                    .setReceiveTime(InstantProtos.toProto(receiveTimes.get(i)))
                    .setUpdate(updates.get(i))
                    .build()
                    .writeDelimitedTo(expected);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        assertThat(RecordingFile.read(file)).hasSize(updates.size());
    }

    private static WatchPricesResponse update(Random random, int sequence) {
        Money price = RandomPrices.usd(random);
        return WatchPricesResponse.newBuilder()
                .setQuote(PriceQuote.newBuilder()
                        .setProductId(String.format("P%05d", 1 + random.nextInt(10_000)))
                        .setProductName("Product " + sequence)
                        .setBasePrice(price)
                        .setDiscountedPrice(price)
                        .setOnSale(random.nextBoolean())
                        .setUpdateTime(InstantProtos.toProto(START.plusMillis(sequence))))
                .setKind(
                        sequence == 0
                                ? PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT
                                : PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
                .setSequenceNumber(sequence)
                .setEventTime(InstantProtos.toProto(START.plusMillis(sequence)))
                .setServerIncarnation(42)
                .build();
    }

    /** A clock whose readings are {@code readings}, one after the other. */
    private static Clock clockReading(List<Instant> readings) {
        Iterator<Instant> next = readings.iterator();
        return new Clock() {
            @Override
            public Instant instant() {
                return next.next();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("a test clock keeps UTC");
            }
        };
    }
}
