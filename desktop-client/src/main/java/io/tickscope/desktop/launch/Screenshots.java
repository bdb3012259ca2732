package io.tickscope.desktop.launch;

import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.shell.View;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableLongValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * {@code --screenshot-dir DIR} (hidden; {@code .ci/screenshots} uses it): once live prices flow, drives every
 * view the way a user would (a batch lookup of the first {@value #BATCH_SIZE} products, a recommendation session
 * on autopilot, the catalogue streamed by ListBooks, a live WatchPrices stream in the Explorer), lets the charts and the wire counters fill for a while
 * (looking the batch up once more half way, as a user trying it twice would, so its timings are not those of a
 * server that just started),
 * then shows each tab in turn and writes the window's own rendering of it to {@code DIR/<tab>.png}, switches to
 * the dark theme through the View menu and does the same into {@code DIR/<tab>-dark.png}, and exits.
 * The scene's snapshot needs no screen grabber and matches what users see.
 */
final class Screenshots {

    private static final javafx.util.Duration SETTLE_PER_TAB = javafx.util.Duration.seconds(2);
    /** The "47 calls become 1" story of the batch view. */
    private static final int BATCH_SIZE = 47;
    /** Actions per second: lively charts, recommendations that visibly change between frames. */
    private static final int AUTOPILOT_RATE = 8;

    private final Scene scene;
    private final TabPane tabs;
    private final Path directory;
    private final IntConsumer finish;
    private final ViewDriver driver;

    private Screenshots(Scene scene, TabPane tabs, Path directory, IntConsumer finish) {
        this.scene = scene;
        this.tabs = tabs;
        this.directory = directory;
        this.finish = finish;
        this.driver = new ViewDriver(tabs);
    }

    /** Waits for the first live tick, then {@code fill}, then takes one picture per tab in each theme. */
    static void take(
            Scene scene,
            TabPane tabs,
            ObservableLongValue liveTicksShown,
            java.time.Duration fill,
            Path directory,
            IntConsumer finish) {
        Screenshots screenshots = new Screenshots(scene, tabs, directory, finish);
        PauseTransition filling = new PauseTransition(javafx.util.Duration.millis(fill.toMillis()));
        filling.setOnFinished(event -> screenshots.next(new ArrayList<>(tabs.getTabs()), "", screenshots::inDarkTheme));
        PauseTransition halfWay = new PauseTransition(javafx.util.Duration.millis(fill.toMillis() / 2.0));
        halfWay.setOnFinished(event -> screenshots.driver.lookUpAgain());
        Verdicts.afterFirstLiveTick(liveTicksShown, () -> {
            try {
                screenshots.driveViews();
            } catch (RuntimeException e) {
                // A view that cannot be driven would make a misleading picture: fail the run instead.
                System.err.println("screenshots: " + e.getMessage());
                finish.accept(1);
                return;
            }
            filling.play();
            halfWay.play();
        });
    }

    /** Does what a user trying each view does: clicks through its main actions. */
    private void driveViews() {
        driver.lookUpFirst(BATCH_SIZE);
        driver.openSessionOnAutopilot(AUTOPILOT_RATE);
        driver.listBooks();
        // Alerts that fire while the charts fill, so the alert log has rows; one that waits, far above.
        for (String product : List.of("P00001", "P00002", "P00003", "P00004")) {
            driver.addAlert(product, AlertKind.MOVE, "0.2", true);
        }
        driver.addAlert("P00005", AlertKind.ABOVE, "100000", false);
        // A live server stream in the Explorer: responses one by one, their sizes and the rate.
        driver.explore(
                "tickscope.pricing.v1.PricingService",
                "WatchPrices",
                "{\"productIds\": [\"P00001\", \"P00002\", \"P00003\", \"P00004\", \"P00005\"],"
                        + " \"currencyCode\": \"USD\"}");
    }

    /** Takes a picture of each of {@code remaining}, named {@code <tab><suffix>.png}, then runs {@code then}. */
    private void next(List<Tab> remaining, String suffix, Runnable then) {
        if (remaining.isEmpty()) {
            then.run();
            return;
        }
        Tab tab = remaining.remove(0);
        tabs.getSelectionModel().select(tab);
        if ("watchlist-tab".equals(tab.getId())) {
            chartAnotherProduct();
        }
        PauseTransition settle = new PauseTransition(SETTLE_PER_TAB);
        settle.setOnFinished(event -> {
            // The alerts' notifications belong in the picture of the Alerts tab; over the others they hide what
            // each view shows.
            Node notifications = scene.lookup("#notifications");
            if (notifications != null) {
                notifications.setVisible("alerts-tab".equals(tab.getId()));
            }
            if ("recommendations-tab".equals(tab.getId())) {
                // Just before the picture: on autopilot the recommendations change several times a second.
                driver.selectFirstRecommendation();
            }
            write(scene.snapshot(null), directory.resolve(fileNameOf(tab, suffix)));
            next(remaining, suffix, then);
        });
        settle.play();
    }

    /** Switches the dark theme on through the View menu, as a user would, and takes every tab again. */
    private void inDarkTheme() {
        MenuBar bar = (MenuBar) scene.lookup("#main-menu");
        bar.getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> "dark-theme".equals(item.getId()))
                .map(CheckMenuItem.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("menu item: dark-theme (expected: in the View menu)"))
                .setSelected(true);
        next(new ArrayList<>(tabs.getTabs()), "-dark", () -> finish.accept(0));
    }

    /**
     * Selects the watchlist's second product: its chart fills at once from the history the market made while the
     * views filled, as a user picking a product sees it.
     */
    private void chartAnotherProduct() {
        TableView<?> table = (TableView<?>) scene.lookup("#watchlist-table");
        if (table == null || table.getItems().size() < 2) {
            throw new IllegalStateException("watchlist-table: fewer than 2 products (expected: a chart to fill)");
        }
        table.getSelectionModel().clearAndSelect(1);
    }

    private static String fileNameOf(Tab tab, String suffix) {
        return View.slugOf(tab.getText()) + suffix + ".png";
    }

    private static void write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        System.out.println("screenshot: " + file);
    }
}
