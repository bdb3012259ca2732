package io.tickscope.desktop.app;

import io.tickscope.desktop.launch.ViewDriver;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.SettingsFile;
import io.tickscope.desktop.watchlist.WatchlistViewModel;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.testfx.api.FxToolkit;

/**
 * A soak, not a test: runs the real monitor (its embedded server at the default tick rate, a full watchlist of
 * {@value WatchlistViewModel#MAX_PRODUCTS} products, a recommendation session on autopilot, the wire view
 * showing) for a while, samples the heap used after a full collection once a minute, and ends with the
 * least-squares slope of those samples and a verdict. Headless (Monocle), as the TestFX tests.
 *
 * <pre>
 * desktop-client/bin/soak PT60M
 * </pre>
 *
 * The first {@value #WARM_UP_SAMPLES} samples (class loading, caches and charts filling) are shown but left
 * out of the slope. The heap is flat when the slope would grow it by less than {@value #FLAT_MIB_PER_HOUR} MiB
 * in an hour.
 */
public final class SoakRun {

    private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
    private static final int WARM_UP_SAMPLES = 2;
    private static final double FLAT_MIB_PER_HOUR = 8;
    private static final int AUTOPILOT_RATE = 10;

    private SoakRun() {}

    public static void main(String[] args) throws Exception {
        Duration length = args.length > 0 ? Duration.parse(args[0]) : Duration.ofMinutes(60);
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");

        Path scratch = Files.createTempDirectory("tickscope-soak");
        Path settings = scratch.resolve("desktop.properties");
        List<String> products = IntStream.rangeClosed(1, WatchlistViewModel.MAX_PRODUCTS)
                .mapToObj(i -> String.format(Locale.ROOT, "P%05d", i))
                .toList();
        new SettingsFile(settings)
                .save(DesktopSettings.firstRun()
                        .withWatchlist(products, Currency.getInstance("USD"), Segment.STANDARD));

        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(
                TickscopeApp.class,
                "--data-dir",
                scratch.resolve("data").toString(),
                "--settings",
                settings.toString());
        drive();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> usedMiB = new ArrayList<>();
        long start = System.nanoTime();
        System.out.printf(
                "soak: %s, a sample a minute; the watchlist holds %d products, autopilot %d actions/s%n",
                length, products.size(), AUTOPILOT_RATE);
        for (int minute = 1; minute <= length.toMinutes(); minute++) {
            long due = start + minute * SAMPLE_EVERY.toNanos();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            double used = usedAfterGc(memory);
            usedMiB.add(used);
            System.out.printf(
                    Locale.ROOT,
                    "%s minute %3d: heap used after GC %7.1f MiB%s; %s%n",
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                    minute,
                    used,
                    minute <= WARM_UP_SAMPLES ? " (warm-up)" : "",
                    activity());
        }
        System.out.println(verdict(usedMiB));
        FxToolkit.cleanupApplication(app);
        System.exit(0);
    }

    /**
     * The heap used right after a full collection, the least of three. Each reading waits for the old
     * generation's collector to have run: a System.gc() that overlaps native code (SQLite, the transport) may
     * be skipped, and its reading would be a heap full of garbage.
     */
    private static double usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        List<GarbageCollectorMXBean> fullCollectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(collector -> collector.getName().contains("Old")
                        || collector.getName().contains("MarkSweep"))
                .toList();
        long least = Long.MAX_VALUE;
        for (int attempt = 0, readings = 0; attempt < 30 && readings < 3; attempt++) {
            long before = fullCollections(fullCollectors);
            System.gc();
            if (fullCollections(fullCollectors) > before) {
                least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
                readings++;
            } else {
                // Skipped while a thread held the GC locker (seen here: "GCLocker Initiated GC"): let it leave.
                Thread.sleep(100);
            }
        }
        // No full collection seen (a collector this does not know): say so rather than report a number.
        return least == Long.MAX_VALUE ? Double.NaN : least / (1024.0 * 1024.0);
    }

    private static long fullCollections(List<GarbageCollectorMXBean> collectors) {
        return collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    /** Once the views are up, opens the session on autopilot and leaves the wire view showing. */
    private static void drive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> driven = new CompletableFuture<>();
            Platform.runLater(() -> {
                TabPane tabs = tabPane();
                if (tabs == null || tabs.getTabs().size() < 4) {
                    driven.complete(false);
                    return;
                }
                ViewDriver driver = new ViewDriver(tabs);
                driver.openSessionOnAutopilot(AUTOPILOT_RATE);
                driver.show("wire-tab");
                driven.complete(true);
            });
            if (driven.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("views: not open after 2 minutes (expected: the embedded server starts)");
    }

    /** What the views show they are doing, so that a flat heap is not the flat heap of an idle app. */
    private static String activity() throws Exception {
        CompletableFuture<String> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            TabPane tabs = tabPane();
            shown.complete(
                    tabs == null
                            ? "no views"
                            : "watchlist: " + textOf(tabs, "#feed-status") + "; session: "
                                    + textOf(tabs, "#session-counters") + "; connection: "
                                    + textOf(tabs.getScene().getRoot(), "#connection-state"));
        });
        return shown.get(30, TimeUnit.SECONDS);
    }

    private static String textOf(TabPane tabs, String selector) {
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            if (tab.getContent().lookup(selector) instanceof Labeled label) {
                return label.getText();
            }
        }
        return "?";
    }

    private static String textOf(javafx.scene.Parent root, String selector) {
        return root.lookup(selector) instanceof Labeled label ? label.getText() : "?";
    }

    private static @Nullable TabPane tabPane() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.getScene() != null) {
                if (stage.getScene().lookup(".tab-pane") instanceof TabPane tabs) {
                    return tabs;
                }
            }
        }
        return null;
    }

    /** The slope of the samples after the warm-up, in MiB per hour, and whether that is flat. */
    static String verdict(List<Double> usedMiB) {
        List<Double> measured = usedMiB.subList(Math.min(WARM_UP_SAMPLES, usedMiB.size()), usedMiB.size());
        if (measured.size() < 2) {
            return "verdict: too short (expected: at least " + (WARM_UP_SAMPLES + 2) + " minutes)";
        }
        int n = measured.size();
        double meanX = (n - 1) / 2.0;
        double meanY =
                measured.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int x = 0; x < n; x++) {
            covariance += (x - meanX) * (measured.get(x) - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        double mibPerHour = covariance / variance * 60;
        return String.format(
                Locale.ROOT,
                "verdict: %s: slope %+.2f MiB/hour over %d samples (flat: under %.0f MiB/hour), mean %.1f MiB,"
                        + " min %.1f, max %.1f",
                // Shrinking is fine: what must not happen is growth that an hour or a day would add up.
                mibPerHour < FLAT_MIB_PER_HOUR ? "FLAT" : "GROWING",
                mibPerHour,
                n,
                FLAT_MIB_PER_HOUR,
                meanY,
                measured.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                measured.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
}
