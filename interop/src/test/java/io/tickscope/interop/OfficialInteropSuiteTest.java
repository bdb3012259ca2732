package io.tickscope.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.SessionProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs grpc-java's official interop client, unmodified and in its own JVM, for every applicable test case over
 * plaintext HTTP/2 and over TLS, against the TestService hosted in Tickscope's server configuration. A case passes
 * when the client exits 0 after printing "Test completed.".
 */
class OfficialInteropSuiteTest {

    private static final long CASE_TIMEOUT_SECONDS = 120;

    @TempDir
    static @Nullable Path dataDirectory;

    private static @Nullable InteropServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = new InteropServer(requireDirectory());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(false, true).flatMap(tls -> InteropCases.applicable().stream()
                .map(testCase -> Arguments.of(tls ? "tls" : "plaintext", testCase)));
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("cases")
    void officialClientPasses(String transport, String testCase) throws IOException, InterruptedException {
        boolean tls = transport.equals("tls");
        InteropServer running = requireServer();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived client: quick start-up matters more than peak speed.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                testClassPath(),
                "io.grpc.testing.integration.TestServiceClient",
                "--server_host=localhost",
                "--server_port=" + running.port(tls ? SessionProtocol.HTTPS : SessionProtocol.HTTP),
                "--test_case=" + testCase,
                "--use_tls=" + tls));
        command.addAll(InteropCases.flagsOf(testCase));
        if (tls) {
            command.add("--use_test_ca=true");
            command.add("--server_host_override=" + InteropTls.SERVER_HOST_OVERRIDE);
        }
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        client.getOutputStream().close();
        byte[] output = client.getInputStream().readAllBytes();
        boolean exited = client.waitFor(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String log = new String(output, StandardCharsets.UTF_8);

        assertThat(exited)
                .as("the client exited within %d s; its output:%n%s", CASE_TIMEOUT_SECONDS, log)
                .isTrue();
        assertThat(client.exitValue())
                .as("the client's exit code; its output:%n%s", log)
                .isZero();
        assertThat(log).contains("Test completed.");
    }

    @Test
    void everyCaseOfTheClientIsRunOrExcludedWithAReason() {
        assertThat(InteropCases.EXCLUDED.keySet()).isSubsetOf(InteropCases.all());
        assertThat(InteropCases.applicable()).hasSize(InteropCases.all().size() - InteropCases.EXCLUDED.size());
    }

    /** The class path the tests run with, which holds the official client and everything it needs. */
    private static String testClassPath() {
        String surefireClassPath = System.getProperty("surefire.test.class.path");
        return surefireClassPath != null ? surefireClassPath : System.getProperty("java.class.path");
    }

    private static Path requireDirectory() {
        if (dataDirectory == null) {
            throw new IllegalStateException("dataDirectory: not injected (expected: JUnit's @TempDir)");
        }
        return dataDirectory;
    }

    private static InteropServer requireServer() {
        if (server == null) {
            throw new IllegalStateException("server: not started (expected: @BeforeAll to have run)");
        }
        return server;
    }
}
