package io.tickscope.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableLongValue;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * {@code --screenshot-dir DIR} (hidden; {@code .ci/screenshots} uses it): once live prices flow and the charts
 * have filled for a while, shows each tab in turn and writes the window's own rendering of it to
 * {@code DIR/<tab>.png}, then exits. The scene's snapshot needs no screen grabber and matches what users see.
 */
final class Screenshots {

    private static final javafx.util.Duration SETTLE_PER_TAB = javafx.util.Duration.seconds(2);

    private final Scene scene;
    private final TabPane tabs;
    private final Path directory;
    private final IntConsumer finish;

    private Screenshots(Scene scene, TabPane tabs, Path directory, IntConsumer finish) {
        this.scene = scene;
        this.tabs = tabs;
        this.directory = directory;
        this.finish = finish;
    }

    /** Waits for the first live tick, then {@code fill}, then takes one picture per tab. */
    static void take(
            Scene scene,
            TabPane tabs,
            ObservableLongValue liveTicksShown,
            java.time.Duration fill,
            Path directory,
            IntConsumer finish) {
        Screenshots screenshots = new Screenshots(scene, tabs, directory, finish);
        PauseTransition filling = new PauseTransition(javafx.util.Duration.millis(fill.toMillis()));
        filling.setOnFinished(event -> screenshots.next(new ArrayList<>(tabs.getTabs())));
        liveTicksShown.addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(
                    javafx.beans.value.ObservableValue<? extends Number> observable, Number before, Number after) {
                if (after.longValue() == 0) {
                    return;
                }
                observable.removeListener(this);
                filling.play();
            }
        });
    }

    private void next(List<Tab> remaining) {
        if (remaining.isEmpty()) {
            tabs.getSelectionModel().selectFirst();
            finish.accept(0);
            return;
        }
        Tab tab = remaining.remove(0);
        tabs.getSelectionModel().select(tab);
        PauseTransition settle = new PauseTransition(SETTLE_PER_TAB);
        settle.setOnFinished(event -> {
            write(scene.snapshot(null), directory.resolve(fileNameOf(tab)));
            next(remaining);
        });
        settle.play();
    }

    static String fileNameOf(Tab tab) {
        return slugOf(tab.getText()) + ".png";
    }

    /** Returns {@code text} in lower case with dashes between words: "Batch lookup" becomes "batch-lookup". */
    static String slugOf(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
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
