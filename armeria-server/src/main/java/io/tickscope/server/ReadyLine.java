package io.tickscope.server;

import io.tickscope.server.store.Database;
import java.time.Duration;

/** The one line the server prints once it serves, for people and for scripts that wait for it. */
final class ReadyLine {

    private ReadyLine() {}

    static String of(TickscopeServer server, ServerSettings settings, Duration startup) {
        String scheme = settings.security().tls() == null ? "http://" : "https://";
        String base = scheme + displayHost(settings.host()) + ':' + server.port();
        return "READY " + base + " grpc=" + base + " docs=" + base + "/docs metrics=" + base
                + "/internal/metrics data=" + dataLocation(settings) + " startup="
                + startup.toMillis() + "ms";
    }

    /** The embedded database's directory, or the shared database's URL without the query (it may hold a password). */
    private static String dataLocation(ServerSettings settings) {
        String databaseUrl = settings.databaseUrl();
        return databaseUrl == null
                ? settings.dataDirectory().toAbsolutePath().toString()
                : Database.locationOf(databaseUrl);
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }
}
