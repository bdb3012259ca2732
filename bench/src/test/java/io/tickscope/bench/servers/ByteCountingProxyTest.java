package io.tickscope.bench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.bench.clients.TcpEchoClient;
import io.tickscope.bench.load.RoundTrip;
import org.junit.jupiter.api.Test;

class ByteCountingProxyTest {

    @Test
    void countsEveryByteInEachDirection() throws Exception {
        try (TcpEchoServer echo = TcpEchoServer.start();
                ByteCountingProxy proxy = ByteCountingProxy.start(echo.port());
                TcpEchoClient client = TcpEchoClient.connect(proxy.port(), 64)) {
            RoundTrip roundTrip = client.roundTrip();
            for (int i = 0; i < 100; i++) {
                roundTrip.run();
            }

            // Bytes are counted before they are forwarded: once the echo is back, both directions are complete.
            assertThat(proxy.clientToServerBytes()).isEqualTo(6_400);
            assertThat(proxy.serverToClientBytes()).isEqualTo(6_400);
        }
    }
}
