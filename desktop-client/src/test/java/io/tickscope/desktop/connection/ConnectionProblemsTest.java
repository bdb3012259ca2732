package io.tickscope.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.testing.Directories;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor says why a channel cannot connect, within a second or two, instead of "reconnecting" alone. */
class ConnectionProblemsTest {

    /** What the issue asks for: "within a second or two". */
    private static final Duration SOON = Duration.ofMillis(2_500);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
    }

    @Test
    void aNameThatDoesNotResolveIsSaidSo() {
        ConnectionProblem problem = problemWith(ServerTarget.parse("tickscope-nowhere.invalid:8080"));

        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.NAME_NOT_RESOLVED);
        assertThat(problem.summary()).contains("tickscope-nowhere.invalid:8080").contains("does not resolve");
        assertThat(problem.advice()).contains("spelling");
    }

    @Test
    void aListWhoseNamesDoNotResolveIsSaidSo() {
        ServerTarget replicas = ServerTarget.parse("tickscope-a.invalid:8080,tickscope-b.invalid:8080");
        ConnectionMonitor monitor = ConnectionMonitor.start(open(replicas), scheduler, replicas.toString());
        await().atMost(SOON).until(() -> monitor.problem().isPresent());
        ConnectionProblem problem = monitor.problem().orElseThrow();

        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.NAME_NOT_RESOLVED);
        assertThat(problem.server()).isEqualTo("tickscope-a.invalid:8080,tickscope-b.invalid:8080");
        assertThat(problem.detail()).contains("tickscope-a.invalid").contains("tickscope-b.invalid");
    }

    @Test
    void aPortWhereNothingListensIsSaidSo() throws IOException {
        ConnectionProblem problem = problemWith(ServerTarget.parse("127.0.0.1:" + closedPort()));

        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.NOTHING_LISTENING);
        assertThat(problem.summary()).startsWith("Nothing listens at 127.0.0.1:");
    }

    @Test
    void theProblemClearsOnceTheServerIsReached() throws IOException {
        int port = closedPort();
        ManagedChannel channel = open(ServerTarget.parse("127.0.0.1:" + port));
        ConnectionMonitor monitor = ConnectionMonitor.start(channel, scheduler);
        List<Optional<ConnectionProblem>> reports = new CopyOnWriteArrayList<>();
        monitor.subscribeProblems(reports::add);
        await().atMost(SOON).until(() -> monitor.problem().isPresent());

        Path data = Files.createTempDirectory("tickscope-problems");
        TickscopeServer server =
                TickscopeServer.start(new ServerSettings("127.0.0.1", port, data, 0, 42, Duration.ofSeconds(1)));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> monitor.current() == ConnectionState.READY);
            await().until(() -> monitor.problem().isEmpty());
            assertThat(reports.get(reports.size() - 1)).isEmpty();
        } finally {
            server.close();
            Directories.deleteRecursively(data);
        }
    }

    private ConnectionProblem problemWith(ServerTarget target) {
        ConnectionMonitor monitor = ConnectionMonitor.start(open(target), scheduler);
        await().atMost(SOON).until(() -> monitor.problem().isPresent());
        assertThat(monitor.current()).isEqualTo(ConnectionState.RECONNECTING);
        return monitor.problem().orElseThrow();
    }

    private ManagedChannel open(ServerTarget target) {
        ManagedChannel channel = Channels.open(target, ChannelSecurity.plaintext());
        channels.add(channel);
        return channel;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
