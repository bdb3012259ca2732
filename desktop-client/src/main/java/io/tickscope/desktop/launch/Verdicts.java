package io.tickscope.desktop.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableLongValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.jspecify.annotations.Nullable;

/** Starts the runs that end with a verdict, when the command line asks for them; each exits with its code. */
public final class Verdicts {

    /** How long the charts fill before screenshots are taken. */
    private static final Duration SCREENSHOT_FILL = Duration.ofSeconds(25);

    private Verdicts() {}

    /**
     * Starts the smoke test when {@code smokeTestTimeout} is set and the screenshots when {@code
     * screenshotDirectory} is. Both wait for {@code liveTicksShown} to leave zero; {@code diagnosis} says what
     * the monitor saw, for a failed smoke test. Call on the FX thread once the window shows.
     */
    public static void start(
            @Nullable Duration smokeTestTimeout,
            @Nullable Path screenshotDirectory,
            Scene scene,
            TabPane views,
            ObservableLongValue liveTicksShown,
            Supplier<String> diagnosis) {
        if (smokeTestTimeout != null) {
            SmokeTest.run(liveTicksShown, smokeTestTimeout, diagnosis, System.out, System.err, Verdicts::exitWith);
        }
        if (screenshotDirectory != null) {
            Screenshots.take(scene, views, liveTicksShown, SCREENSHOT_FILL, screenshotDirectory, Verdicts::exitWith);
        }
    }

    /** Runs {@code then} once {@code liveTicksShown} leaves zero: at once when it already has. */
    static void afterFirstLiveTick(ObservableLongValue liveTicksShown, Runnable then) {
        if (liveTicksShown.get() > 0) {
            then.run();
            return;
        }
        liveTicksShown.addListener(new ChangeListener<Number>() {
            @Override
            public void changed(ObservableValue<? extends Number> observable, Number before, Number after) {
                if (after.longValue() != 0) {
                    observable.removeListener(this);
                    then.run();
                }
            }
        });
    }

    private static void exitWith(int code) {
        LaunchOutcome.setExitCode(code);
        Platform.exit();
    }
}
