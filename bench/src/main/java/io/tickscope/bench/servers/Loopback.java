package io.tickscope.bench.servers;

import java.net.InetAddress;

/** Every server and client of the harness talks over the IPv4 loopback interface. */
public final class Loopback {

    public static final String HOST = "127.0.0.1";

    private Loopback() {}

    public static InetAddress address() {
        return InetAddress.getLoopbackAddress();
    }
}
