package io.tickscope.bench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.bench.clients.TcpEchoClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The proxy as a delay line: a raw TCP echo through it takes the configured round trip. No echo may come back
 * sooner than the line allows (that would be a bug, whatever the machine's load); the fastest of 200 must come
 * within 10% of it or 0.3 ms, whichever is more (the line adds little of its own: a loaded machine delays some
 * echoes, not all of them). The absolute floor is the timer: each direction waits out its delay with a park whose
 * wake-up runs 50 to 100 µs late on Linux under load, which is a fifth of a half-millisecond line.
 */
class DelayLineTest {

    private static final int ECHOES = 200;

    @Test
    void anEchoTakesTheRoundTripOfAFiveMillisecondLine() throws Exception {
        assertRoundTrip(Link.of(Duration.ofMillis(5), 100));
    }

    @Test
    void anEchoTakesTheRoundTripOfAHalfMillisecondLine() throws Exception {
        assertRoundTrip(Link.of(Duration.ofMillis(5).dividedBy(10), 100));
    }

    @Test
    void aNewConnectionPaysTheHandshakesRoundTripBeforeItsFirstBytesLeave() throws Exception {
        Link link = Link.of(Duration.ofMillis(5), 100);
        try (TcpEchoServer echo = TcpEchoServer.start();
                ByteCountingProxy line = ByteCountingProxy.start(echo.port(), link)) {
            long start = System.nanoTime();
            try (TcpEchoClient client = TcpEchoClient.connect(line.port(), 64)) {
                client.roundTrip().run();
            }
            long firstEcho = System.nanoTime() - start;

            // The handshake's round trip, then the echo's.
            assertThat(firstEcho).isGreaterThanOrEqualTo(2 * link.roundTrip().toNanos());
            assertThat(line.connections()).isEqualTo(1);
        }
    }

    @Test
    void theBandwidthCapSpreadsALargeMessageOverItsSerializationTime() throws Exception {
        int bytes = 1 << 20;
        Link link = Link.of(Duration.ZERO, 100);
        long[] nanos = DelayLineCheck.echoRoundTripNanos(link, 3, bytes);

        // 1 MiB at 100 Mbit/s takes 84 ms each way; the echo overlaps the two directions, so at least one way.
        long serialization = link.transmissionNanos(bytes);
        assertThat(serialization).isEqualTo(83_886_080L);
        assertThat(nanos[0]).isGreaterThanOrEqualTo(serialization);
    }

    private static final long TIMER_SLACK_NANOS = 300_000;

    private static void assertRoundTrip(Link link) throws Exception {
        long[] nanos = DelayLineCheck.echoRoundTripNanos(link, ECHOES, 64);
        long roundTrip = link.roundTrip().toNanos();

        assertThat(nanos[0])
                .as("fastest echo, ns")
                .isBetween(roundTrip, roundTrip + Math.max(roundTrip / 10, TIMER_SLACK_NANOS));
    }
}
