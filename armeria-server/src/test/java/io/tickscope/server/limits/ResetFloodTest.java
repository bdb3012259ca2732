package io.tickscope.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.server.security.TlsFiles;
import io.tickscope.server.security.testing.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP/2 reset floods against the server with its default limits. Rapid reset (CVE-2023-44487): the attacking
 * connection is closed, the server stays up, and a legitimate client on another connection keeps its p90
 * latency within three times what it was before the flood. MadeYouReset (CVE-2025-55163): the connection that
 * provokes the server into resetting its streams is closed as well.
 */
@Tag("timing") // compares latencies: runs alone, after the module's two forks (see the pom)
class ResetFloodTest {

    private static final GetPriceRequest REQUEST =
            GetPriceRequest.newBuilder().setProductId("P00001").build();
    private static final int WARM_UP_CALLS = 3_000;
    private static final int ROUNDS = 8;
    private static final int CALLS_PER_WINDOW = 1_000;

    private static final CertificateAuthority AUTHORITY = CertificateAuthority.create("Tickscope Test CA");

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults());

    @RegisterExtension
    static final LimitedTestServer tlsServer = LimitedTestServer.withTls(ServerLimits.defaults(), serverCertificate());

    @Test
    void attackingConnectionIsClosedOnceItSpendsItsResetBudget() throws InterruptedException {
        try (ResetFloodAttacker attacker = new ResetFloodAttacker(serverAddress(), ResetFlood.RAPID_RESET)) {
            ResetFloodAttacker.Outcome outcome = attacker.attackOnce();

            // The budget is 400 resets a minute; the frames in flight when the server acts come on top.
            assertThat(outcome.streamsReset()).isGreaterThan(400);
        }
        assertThat(server.server().isClosing()).isFalse();
    }

    @Test
    void connectionThatMakesTheServerResetIsClosedOnceItSpendsItsBudget() throws InterruptedException {
        try (ResetFloodAttacker attacker = new ResetFloodAttacker(serverAddress(), ResetFlood.MADE_YOU_RESET)) {
            ResetFloodAttacker.Outcome outcome = attacker.attackOnce();
            System.out.printf(
                    "MadeYouReset: %d streams provoked, %d server resets read before the server closed the"
                            + " connection%n",
                    outcome.streamsReset(), outcome.resetsReceived());

            // The server may reset 400 streams a minute for the client's errors; it then closes the connection
            // rather than reset the next thousands. The flood goes on past that only by what was in flight.
            assertThat(outcome.streamsReset()).isGreaterThan(400);
            assertThat(outcome.resetsReceived()).isBetween(1L, 401L);
        }
        assertThat(server.server().isClosing()).isFalse();
    }

    /** The guard goes onto a TLS connection by another way than onto a cleartext one: once ALPN chose h2. */
    @Test
    void connectionThatMakesTheServerResetOverTlsIsClosedOnceItSpendsItsBudget() throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", tlsServer.httpsPort());
        SslContext tls = SslContextBuilder.forClient()
                .trustManager(AUTHORITY.certificate())
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2))
                .build();
        try (ResetFloodAttacker attacker = new ResetFloodAttacker(address, ResetFlood.MADE_YOU_RESET, tls)) {
            ResetFloodAttacker.Outcome outcome = attacker.attackOnce();

            assertThat(outcome.streamsReset()).isGreaterThan(400);
            assertThat(outcome.resetsReceived()).isBetween(1L, 401L);
        }
        assertThat(tlsServer.server().isClosing()).isFalse();
    }

    @Test
    void legitimateClientKeepsItsLatencyDuringAFlood() throws IOException {
        try (ClientFactory factory = ClientFactory.builder().workerGroup(1).build()) {
            PricingServiceBlockingStub pricing =
                    GrpcClients.builder(server.httpUri()).factory(factory).build(PricingServiceBlockingStub.class);
            measure(pricing, WARM_UP_CALLS, new Histogram(3));
            Histogram baseline = new Histogram(3);
            Histogram duringFlood = new Histogram(3);
            List<Double> p90Ratios = new ArrayList<>();
            AttackerProcess.Totals flood = measureAlternately(pricing, baseline, duringFlood, p90Ratios);
            System.out.printf(
                    "Rapid reset: %d resets on %d connections; legitimate p50/p90/p99 before %d/%d/%d us,"
                            + " during %d/%d/%d us%n",
                    flood.resets(),
                    flood.connections(),
                    baseline.getValueAtPercentile(50) / 1_000,
                    baseline.getValueAtPercentile(90) / 1_000,
                    baseline.getValueAtPercentile(99) / 1_000,
                    duringFlood.getValueAtPercentile(50) / 1_000,
                    duringFlood.getValueAtPercentile(90) / 1_000,
                    duringFlood.getValueAtPercentile(99) / 1_000);

            // The verdict is the median round's p90: a neighbour's burst on this shared machine spoils one window,
            // not the comparison, while a server the flood really slows down loses every round. Not p99: in a
            // 1,000-call window that is the 10th slowest call, which one scheduler hiccup sets (a CI run read a
            // median p99 ratio of 3.02 and local runs 1.2 to 5.6 while the p50 ratio stayed at 1.0).
            double[] ratios =
                    p90Ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double medianRatio = (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
            System.out.printf("Rapid reset: p90 flooded / quiet per round %s, median %.2f%n", p90Ratios, medianRatio);
            assertThat(medianRatio)
                    .as("median over rounds of p90 during the flood / p90 just before it")
                    .isLessThanOrEqualTo(3.0);
            pricing.getPrice(REQUEST);
        }
    }

    /**
     * Measures the legitimate client in quiet and flooded windows that alternate, so that a neighbour's load on
     * this shared machine weighs on both sides of the comparison alike; returns what the attacker did.
     */
    private static AttackerProcess.Totals measureAlternately(
            PricingServiceBlockingStub pricing, Histogram baseline, Histogram duringFlood, List<Double> p90Ratios)
            throws IOException {
        try (AttackerProcess attacker = AttackerProcess.start("127.0.0.1", server.httpPort(), ResetFlood.RAPID_RESET)) {
            // One unmeasured attack warms the attacker's JVM up.
            attacker.startAttacking();
            AttackerProcess.Totals warmUp = attacker.stopAttacking();
            AttackerProcess.Totals totals = warmUp;
            for (int round = 0; round < ROUNDS; round++) {
                Histogram quietRound = new Histogram(3);
                Histogram floodedRound = new Histogram(3);
                measure(pricing, CALLS_PER_WINDOW, quietRound);
                attacker.startAttacking();
                measure(pricing, CALLS_PER_WINDOW, floodedRound);
                baseline.add(quietRound);
                duringFlood.add(floodedRound);
                p90Ratios.add((double) floodedRound.getValueAtPercentile(90) / quietRound.getValueAtPercentile(90));
                AttackerProcess.Totals previous = totals;
                totals = attacker.stopAttacking();
                // The flood was on while the client measured: more resets than the server's budget allows a
                // connection. The server closed every attacking connection: the attacker stops only once the one
                // it was flooding is closed.
                assertThat(totals.resets() - previous.resets())
                        .as("resets sent in round %d", round)
                        .isGreaterThan(400);
                assertThat(totals.closed()).as("attacking connections closed").isEqualTo(totals.connections());
            }
            return new AttackerProcess.Totals(
                    totals.connections() - warmUp.connections(),
                    totals.closed() - warmUp.closed(),
                    totals.resets() - warmUp.resets());
        }
    }

    private static void measure(PricingServiceBlockingStub pricing, int calls, Histogram latencies) {
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            pricing.getPrice(REQUEST);
            latencies.recordValue(System.nanoTime() - start);
        }
    }

    private static TlsFiles serverCertificate() {
        try {
            return AUTHORITY.issueServer().writeTo(Files.createTempDirectory("tickscope-reset-flood"), "server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress serverAddress() {
        return new InetSocketAddress("127.0.0.1", server.httpPort());
    }
}
