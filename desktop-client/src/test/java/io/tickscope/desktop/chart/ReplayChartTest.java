package io.tickscope.desktop.chart;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.api.recording.v1.RecordedPriceUpdate;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import io.tickscope.shared.time.InstantProtos;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A replay ({@code --replay FILE}, no server) writing into the chart as fast as it delivers: an earlier chart
 * locked the JavaFX thread forever on the first replayed tick, because a chart-fx data set was written while its
 * own lock was held. Here the replay's ticks fill the chart, it lays out around them, and the JavaFX thread
 * keeps answering throughout; every read of the scene gives up after 10 s, so a hang fails the test.
 */
class ReplayChartTest {

    /** Ticks of one product, each in a second of its own: as many one-second bars. */
    private static final int TICKS = 600;

    private static final Instant RECORDED = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        Application running = app;
        if (running != null) {
            // Bounded: a JavaFX thread that hung would hang the cleanup, and with it the rest of the run.
            CompletableFuture.runAsync(() -> {
                        try {
                            FxToolkit.cleanupApplication(running);
                        } catch (TimeoutException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    // In a thread of its own: a hung JavaFX thread blocks the reads of the scene, which then cannot be interrupted.
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReplayFillsTheChartFromItsTicksWithoutHangingTheFxThread() throws Exception {
        Path recording = directory.resolve("burst.tsrec");
        writeRecording(recording);

        app = MonitorLaunch.withArguments(
                "--replay",
                recording.toString(),
                "--settings",
                directory.resolve("desktop.properties").toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> barsDrawn() == TICKS);
        assertThat(onFx(() -> robot.lookup("#chart-status").queryAs(Label.class).getText()))
                .as("no server to ask: the bars come from the replayed ticks")
                .startsWith("Replay: bars of 1 s");
        // The chart laid itself out around the bars (each in the middle of its second): its time axis spans them.
        double first = RECORDED.getEpochSecond() + 0.5;
        double last = first + TICKS - 1;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onFx(() -> new double[] {
                    chart().getXAxis().getMin(), chart().getXAxis().getMax()
                }))
                .satisfies(range -> assertThat(range[0]).isLessThanOrEqualTo(first))
                .satisfies(range -> assertThat(range[1]).isGreaterThanOrEqualTo(last)));
    }

    private long barsDrawn() {
        return onFx(() -> {
            DataSet bars = chart().getRenderers().get(0).getDatasets().get(0);
            return (long) bars.lock().readLockGuard(bars::getDataCount);
        });
    }

    private XYChart chart() {
        return robot.lookup("#price-chart").queryAs(XYChart.class);
    }

    /**
     * Writes a recording of one product: a snapshot, then a change every second of event time, received 2 ms
     * apart so the replay delivers many ticks per frame, as a busy market does.
     */
    private static void writeRecording(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            BigDecimal price = new BigDecimal("100.00");
            for (int i = 0; i < TICKS; i++) {
                price = price.add(new BigDecimal(i % 7 < 4 ? "0.25" : "-0.30"));
                Amount amount = Amount.of("USD", price.toPlainString());
                Instant eventTime = RECORDED.plusSeconds(i);
                WatchPricesResponse update = WatchPricesResponse.newBuilder()
                        .setQuote(PriceQuote.newBuilder()
                                .setProductId("P00001")
                                .setProductName("Replayed product")
                                .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_STANDARD)
                                .setBasePrice(MoneyProtos.toProto(amount))
                                .setDiscountedPrice(MoneyProtos.toProto(amount))
                                .setUpdateTime(InstantProtos.toProto(eventTime))
                                .setListingCurrencyCode("USD"))
                        .setKind(
                                i == 0
                                        ? PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT
                                        : PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
                        .setSequenceNumber(i + 1)
                        .setEventTime(InstantProtos.toProto(eventTime))
                        .setServerIncarnation(i == 0 ? 7 : 0)
                        .build();
                RecordedPriceUpdate.newBuilder()
                        .setReceiveTime(InstantProtos.toProto(RECORDED.plusMillis(2L * i)))
                        .setUpdate(update)
                        .build()
                        .writeDelimitedTo(out);
            }
        }
    }
}
