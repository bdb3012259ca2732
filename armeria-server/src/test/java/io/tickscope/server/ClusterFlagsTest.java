package io.tickscope.server;

import static io.tickscope.server.ServerCommandLines.errorsOf;
import static io.tickscope.server.ServerCommandLines.parse;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.server.cluster.ClusterSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The cluster flags of the headless command: what they accept and how they refuse, before anything starts. */
class ClusterFlagsTest {

    @Test
    void helpListsTheClusterFlags() {
        assertThat(new CommandLine(new ServerCommand()).getUsageMessage())
                .contains("--broker", "--cluster-name", "--replica-id", "--drain-period");
    }

    @Test
    void aReplicaDrainsForTwoSecondsAndAServerAloneStopsAtOnce() {
        ServerCommand replica = parse("--broker", "nats://127.0.0.1:4222");
        ServerCommand alone = parse();

        assertThat(replica.drainPeriod(replica.settings())).isEqualTo(Duration.ofSeconds(2));
        assertThat(alone.drainPeriod(alone.settings())).isZero();
    }

    @Test
    void theDrainPeriodFlagOverridesTheDefault() {
        ServerCommand replica = parse("--broker", "nats://127.0.0.1:4222", "--drain-period", "PT5S");
        ServerCommand alone = parse("--drain-period", "PT1S");

        assertThat(replica.drainPeriod(replica.settings())).isEqualTo(Duration.ofSeconds(5));
        assertThat(alone.drainPeriod(alone.settings())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNegativeDrainPeriodIsRefused() {
        assertThat(errorsOf("--drain-period", "PT-1S"))
                .contains("--drain-period: PT-1S (expected: PT0S or longer, such as PT2S)");
    }

    @Test
    void withoutABrokerTheServerRunsAlone() {
        assertThat(parse().clusterSettings()).isNull();
    }

    @Test
    void flagsBecomeTheClusterSettings() {
        assertThat(parse("--broker", "nats://10.0.0.5:4222", "--cluster-name", "eu-1", "--replica-id", "a")
                        .clusterSettings())
                .isEqualTo(new ClusterSettings("nats://10.0.0.5:4222", "eu-1", "a"));
    }

    @Test
    void theReplicaIdDefaultsToHostAndProcess() {
        ClusterSettings cluster = requireNonNull(
                parse("--broker", "nats://127.0.0.1:4222").clusterSettings(), "cluster settings with --broker");

        assertThat(cluster.clusterName()).isEqualTo(ClusterSettings.DEFAULT_CLUSTER_NAME);
        assertThat(cluster.replicaId()).endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void clusterFlagsWithoutABrokerAreRefused() {
        assertThat(errorsOf("--cluster-name", "eu-1"))
                .contains("--cluster-name and --replica-id: given without --broker (expected: with --broker)");
    }

    @Test
    void aClusterNameThatNatsCannotUseIsRefused() {
        assertThat(errorsOf("--broker", "nats://127.0.0.1:4222", "--cluster-name", "eu.1"))
                .contains("clusterName: \"eu.1\" (expected: 1 to 64 letters, digits, '-' or '_')");
    }

    @Test
    void aBrokerThatIsNotANatsUrlIsRefused() {
        assertThat(errorsOf("--broker", "http://127.0.0.1:4222"))
                .contains("broker: \"http://127.0.0.1:4222\" (expected: nats://HOST:PORT or tls://HOST:PORT)");
    }
}
