package io.tickscope.server;

import picocli.CommandLine;

/** Starts the headless server: {@code tickscope-server --help} lists the flags. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = new CommandLine(new ServerCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
