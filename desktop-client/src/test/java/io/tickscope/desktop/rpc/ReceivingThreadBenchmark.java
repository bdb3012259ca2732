package io.tickscope.desktop.rpc;

import com.google.type.Money;
import io.grpc.KnownLength;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.desktop.alerts.AlertsModel;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.testing.RandomPrices;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.InstantProtos;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A benchmark, not a test: the CPU that the thread delivering a watch's ticks spends per tick (parse, record,
 * convert, check alerts: what {@code PriceWatch} and the watchlist's listener do), without and with alerts and
 * recording, as {@link io.tickscope.desktop.watchlist.WatchlistPipelineBenchmark} runs them (600 alerts on 200 of
 * 10,000 products; every update recorded to a file). It counts the thread's own CPU time and alternates the two
 * in one process, so a busy machine moves both alike where the pipeline's ticks per second swing with the CPU
 * other processes leave it.
 *
 * <pre>
 * java -cp desktop-client/target/test-classes:desktop-client/target/classes:... \
 *     io.tickscope.desktop.rpc.ReceivingThreadBenchmark
 * </pre>
 */
public final class ReceivingThreadBenchmark {

    private static final int PRODUCTS = 10_000;
    private static final int ALERTED_PRODUCTS = 200;
    private static final int UPDATES = 1 << 19;
    private static final int ROUNDS = 21;
    private static final int WARM_UP_ROUNDS = 6;

    private ReceivingThreadBenchmark() {}

    public static void main(String[] args) throws Exception {
        byte[][] received = updates(new Random(1));
        Path directory = Files.createTempDirectory("tickscope-receiving-benchmark");
        Path file = directory.resolve("updates.tsrec");
        Receiver without = new Receiver(new AlertsModel(Runnable::run, List.of()), null);
        Receiver with = new Receiver(
                new AlertsModel(Runnable::run, alertRules()), PriceRecorder.create(file, Clock.systemUTC()));
        List<Long> withoutNanos = new ArrayList<>();
        List<Long> withNanos = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Which goes first alternates, so that neither always follows the other's use of the caches.
            long withoutRound = round % 2 == 0 ? without.cpuNanosPerUpdate(received) : -1;
            long withRound = with.cpuNanosPerUpdate(received);
            if (withoutRound < 0) {
                withoutRound = without.cpuNanosPerUpdate(received);
            }
            if (round >= WARM_UP_ROUNDS) {
                withoutNanos.add(withoutRound);
                withNanos.add(withRound);
            }
        }
        with.close();
        System.out.printf(
                "receiving thread, CPU per tick (median of %d rounds of %,d updates): without extras %d ns, with"
                        + " alerts and recording %d ns (+%d ns)%n",
                withoutNanos.size(),
                UPDATES,
                median(withoutNanos),
                median(withNanos),
                median(withNanos) - median(withoutNanos));
        Files.delete(file);
        Files.delete(directory);
    }

    /** What a watch's call does with each update, as {@code PriceWatch.Attempt.onNext} and the listener do it. */
    private static final class Receiver {

        private final BytesKeepingMarshaller<WatchPricesResponse> responses =
                new BytesKeepingMarshaller<>(WatchPricesResponse.getDefaultInstance());
        private final AlertsModel alerts;
        private final @Nullable PriceRecorder recorder;
        private long sequenceSum;

        Receiver(AlertsModel alerts, @Nullable PriceRecorder recorder) {
            this.alerts = alerts;
            this.recorder = recorder;
        }

        long cpuNanosPerUpdate(byte[][] received) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            for (byte[] update : received) {
                WatchPricesResponse response = responses.parse(new ReceivedStream(update));
                byte[] bytes = responses.lastBytesOf(response);
                if (recorder != null && bytes != null) {
                    recorder.record(bytes, responses.lastLength());
                }
                PriceTick tick = PricingMessages.fromProto(response);
                alerts.onTick(tick);
                sequenceSum += tick.sequenceNumber();
            }
            return (threads.getCurrentThreadCpuTime() - start) / received.length;
        }

        void close() {
            if (recorder != null) {
                recorder.close();
            }
            if (sequenceSum == 42) {
                System.out.println("(keeps the ticks from being optimised away)");
            }
        }
    }

    /** The updates as the server encodes them, on random products, each event a tenth of a millisecond later. */
    private static byte[][] updates(Random random) {
        Instant start = Instant.now();
        byte[][] updates = new byte[UPDATES][];
        for (int i = 0; i < UPDATES; i++) {
            Money price = RandomPrices.usd(random);
            String productId = String.format("P%05d", 1 + random.nextInt(PRODUCTS));
            Instant eventTime = start.plusNanos(100_000L * i);
            updates[i] = WatchPricesResponse.newBuilder()
                    .setQuote(PriceQuote.newBuilder()
                            .setProductId(productId)
                            .setProductName("Product " + productId)
                            .setBasePrice(price)
                            .setDiscountedPrice(price)
                            .setUpdateTime(InstantProtos.toProto(eventTime)))
                    .setKind(PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
                    .setSequenceNumber(i)
                    .setEventTime(InstantProtos.toProto(eventTime))
                    .setServerIncarnation(42)
                    .build()
                    .toByteArray();
        }
        return updates;
    }

    /** An alert above, one below and one 1 % move on each of the first products, as the pipeline benchmark sets. */
    private static List<AlertRule> alertRules() {
        Currency usd = Currency.getInstance("USD");
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 1; i <= ALERTED_PRODUCTS; i++) {
            String productId = String.format("P%05d", i);
            rules.add(AlertRule.above(productId, Amount.of("USD", "100000"), true));
            rules.add(AlertRule.below(productId, Amount.of("USD", "0.01"), true));
            rules.add(AlertRule.move(productId, new BigDecimal("1"), usd, Duration.ofMinutes(1), true));
        }
        return rules;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A message as the transport hands it to the marshaller: a stream that knows its length. */
    private static final class ReceivedStream extends ByteArrayInputStream implements KnownLength {

        ReceivedStream(byte[] message) {
            super(message);
        }
    }
}
