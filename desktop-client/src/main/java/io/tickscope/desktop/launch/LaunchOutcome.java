package io.tickscope.desktop.launch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exit code the application asks for. JavaFX creates the {@code Application} itself and its launch
 * returns nothing, so a run that ends with a verdict (the smoke test) leaves it here for the launcher.
 */
public final class LaunchOutcome {

    private static final AtomicInteger exitCode = new AtomicInteger();

    private LaunchOutcome() {}

    static void setExitCode(int code) {
        exitCode.set(code);
    }

    public static int exitCode() {
        return exitCode.get();
    }
}
