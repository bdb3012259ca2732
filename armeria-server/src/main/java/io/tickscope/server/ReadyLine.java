package io.tickscope.server;

import java.time.Duration;

/** The one line the server prints once it serves, for people and for scripts that wait for it. */
final class ReadyLine {

    private ReadyLine() {}

    static String of(TickscopeServer server, ServerSettings settings, Duration startup) {
        String scheme = settings.security().tls() == null ? "http://" : "https://";
        String base = scheme + displayHost(settings.host()) + ':' + server.port();
        return "READY " + base + " grpc=" + base + " docs=" + base + "/docs metrics=" + base
                + "/internal/metrics data=" + settings.dataDirectory().toAbsolutePath() + " startup="
                + startup.toMillis() + "ms";
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }
}
