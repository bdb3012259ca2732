package io.tickscope.desktop.launch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableLongValue;

/**
 * {@code --smoke-test TIMEOUT}: passes (exit 0) as soon as the watchlist has shown a live price change, fails
 * (exit 1) with the reason when none came within the timeout. Installer checks run the real application
 * this way: window, embedded server, channel, stream, table.
 */
final class SmokeTest {

    static final int FAILED = 1;

    private SmokeTest() {}

    /**
     * Waits on the FX thread for {@code liveTicksShown} to leave zero; {@code diagnosis} says what the monitor
     * saw, for the failure message; {@code finish} receives the exit code.
     */
    static void run(
            ObservableLongValue liveTicksShown,
            Duration timeout,
            Supplier<String> diagnosis,
            PrintStream out,
            PrintStream err,
            IntConsumer finish) {
        PauseTransition deadline = new PauseTransition(javafx.util.Duration.millis(timeout.toMillis()));
        Runnable pass = () -> {
            deadline.stop();
            out.printf(
                    Locale.ROOT,
                    "smoke test passed: first live price shown %.2f s after launch%n",
                    secondsSinceLaunch());
            finish.accept(0);
        };
        Verdicts.afterFirstLiveTick(liveTicksShown, pass);
        deadline.setOnFinished(event -> {
            err.println("smoke test failed: no live price shown within " + timeout + " (" + diagnosis.get() + ")");
            finish.accept(FAILED);
        });
        deadline.play();
    }

    /** Seconds since the JVM started: what a user waits from typing the command. */
    static double secondsSinceLaunch() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(started, Instant.now()).toMillis() / 1e3;
    }
}
