package io.tickscope.desktop;

import io.tickscope.desktop.app.DesktopOptions;
import picocli.CommandLine;

/**
 * Starts the desktop monitor: {@code tickscope --help} lists the flags. A plain main class rather than the
 * {@code Application} itself, so that JavaFX on the class path starts without module flags.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = new CommandLine(new DesktopOptions()).execute(args);
        System.exit(exitCode);
    }
}
