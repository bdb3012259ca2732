package io.tickscope.bench.servers;

import io.tickscope.bench.clients.TcpEchoClient;
import io.tickscope.bench.load.RoundTrip;
import java.util.Arrays;

/**
 * The delay line's self-check: a raw TCP echo through a {@link ByteCountingProxy} on a {@link Link} must take the
 * link's round trip, and no less. Run before every network scenario, so that a figure measured over the line
 * says what line it was measured over.
 */
public final class DelayLineCheck {

    private DelayLineCheck() {}

    /** Returns the round trips, sorted, of {@code count} echoes of {@code messageBytes} through {@code link}. */
    public static long[] echoRoundTripNanos(Link link, int count, int messageBytes) throws Exception {
        long[] nanos = new long[count];
        try (TcpEchoServer echo = TcpEchoServer.start();
                ByteCountingProxy line = ByteCountingProxy.start(echo.port(), link);
                TcpEchoClient client = TcpEchoClient.connect(line.port(), messageBytes)) {
            RoundTrip roundTrip = client.roundTrip();
            roundTrip.run(); // the connection through the line, before timing
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                roundTrip.run();
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }
}
